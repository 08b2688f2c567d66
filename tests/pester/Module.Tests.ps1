BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    $script:manifest = Get-YtOAuthModulePath
}

Describe 'The YtOAuth module' {
    It 'imports after another Newtonsoft.Json is loaded and still works' {
        # PowerShell 7 ships its own Newtonsoft.Json; load it first, as another module would.
        Add-Type -Path (Join-Path $PSHOME 'Newtonsoft.Json.dll')
        [Newtonsoft.Json.JsonConvert].Assembly | Should -Not -BeNullOrEmpty
        Import-Module $manifest -Force
        $emulator = Start-GoogleEmulator
        try {
            (Connect-EmulatorProfile -Emulator $emulator -Profile 'iso').ChannelTitle | Should -Be 'Emulated Channel'
        } finally { Stop-GoogleEmulator $emulator }
        [AppDomain]::CurrentDomain.GetAssemblies().Where({ $_.GetName().Name -eq 'YtOAuth.Engine' }).Count | Should -Be 1
    }

    It 'exports exactly the seven cmdlets' {
        $module = Import-Module $manifest -Force -PassThru
        $module.ExportedCmdlets.Keys | Sort-Object | Should -Be @('Connect-YouTube', 'Disconnect-YouTube', 'Get-YouTubeAnalytics', 'Get-YouTubeContext', 'Get-YouTubePlaylist', 'Get-YouTubeToken', 'Revoke-YouTubeToken')
        $module.ExportedFunctions.Count | Should -Be 0
    }

    It 'has help with at least three examples for every cmdlet' {
        Import-Module $manifest -Force
        foreach ($name in 'Connect-YouTube', 'Get-YouTubeToken', 'Get-YouTubePlaylist', 'Get-YouTubeAnalytics', 'Revoke-YouTubeToken') {
            $help = Get-Help $name -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty
            @($help.Examples.Example).Count | Should -BeGreaterOrEqual 3
        }
    }

    It 'completes -Scope with friendly names' {
        Import-Module $manifest -Force
        $completion = TabExpansion2 -inputScript 'Connect-YouTube -Scope Ana' -cursorColumn 26
        $completion.CompletionMatches.CompletionText | Should -Contain 'Analytics'
    }
}
