BeforeDiscovery { Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force }

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    $script:manifest = Get-YtOAuthModulePath
    $script:cmdlets = @('Add-YouTubePlaylistItem', 'Connect-YouTube', 'Disconnect-YouTube', 'Get-YouTubeAnalytics', 'Get-YouTubeChannel', 'Get-YouTubeContext', 'Get-YouTubePlaylist', 'Get-YouTubePlaylistItem', 'Get-YouTubeToken', 'Get-YouTubeVideo', 'Invoke-YouTubeApi', 'New-YouTubePlaylist', 'Publish-YouTubeVideo', 'Remove-YouTubePlaylist', 'Remove-YouTubePlaylistItem', 'Revoke-YouTubeToken', 'Set-YouTubeContext', 'Set-YouTubePlaylist', 'Set-YouTubeThumbnail', 'Set-YouTubeVideo')
}

Describe 'The PowerShell sources' {
    It '<_> parses without error' -ForEach @(
        Get-ChildItem (Get-RepoRoot) -Recurse -File -Include '*.ps1', '*.psm1', '*.psd1' |
            Where-Object FullName -NotMatch '[\\/](bin|obj|out|node_modules|\.git)[\\/]' |
            ForEach-Object { [IO.Path]::GetRelativePath((Get-RepoRoot), $_.FullName) }
    ) {
        $errors = $null
        [Management.Automation.Language.Parser]::ParseFile((Join-Path (Get-RepoRoot) $_), [ref] $null, [ref] $errors) | Out-Null
        $errors | ForEach-Object { "$($_.Extent.StartLineNumber):$($_.Extent.StartColumnNumber) $($_.Message)" } | Should -BeNullOrEmpty
    }
}

Describe 'The YtOAuth module' {
    It 'has a valid manifest' {
        $info = Test-ModuleManifest $manifest
        $info.RootModule | Should -Be 'YtOAuth.dll'
        $info.CompatiblePSEditions | Should -Contain 'Core'
    }

    It 'exports exactly its cmdlets' {
        $module = Import-Module $manifest -Force -PassThru
        $module.ExportedCmdlets.Keys | Sort-Object | Should -Be $cmdlets
        $module.ExportedFunctions.Count | Should -Be 0
    }

    It 'has help with a synopsis and at least two examples for <_>' -ForEach @('Add-YouTubePlaylistItem', 'Connect-YouTube', 'Disconnect-YouTube', 'Get-YouTubeAnalytics', 'Get-YouTubeChannel', 'Get-YouTubeContext', 'Get-YouTubePlaylist', 'Get-YouTubePlaylistItem', 'Get-YouTubeToken', 'Get-YouTubeVideo', 'Invoke-YouTubeApi', 'New-YouTubePlaylist', 'Publish-YouTubeVideo', 'Remove-YouTubePlaylist', 'Remove-YouTubePlaylistItem', 'Revoke-YouTubeToken', 'Set-YouTubeContext', 'Set-YouTubePlaylist', 'Set-YouTubeThumbnail', 'Set-YouTubeVideo') {
        Import-Module $manifest -Force
        $help = Get-Help $_ -Examples
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match "^\s*$_ "  # the generated stub starts with the syntax
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        @($help.Examples.Example)[0].Code | Should -Match $_
    }

    It 'ships about_YtOAuth in its en-US folder, covering profiles, vaults, scopes, scheduled jobs, CI and the emulator' {
        $module = Import-Module $manifest -Force -PassThru
        Join-Path $module.ModuleBase 'en-US' 'about_YtOAuth.help.txt' | Should -Exist
        $about = Get-Help about_YtOAuth | Out-String
        foreach ($heading in 'PROFILES', 'THE CURRENT PROFILE', 'VAULTS', 'SCOPES', 'SCHEDULED JOBS', 'CI', 'THE EMULATOR') {
            $about | Should -Match "(?m)^$heading\s*$"
        }
    }

    It 'fills Default value in help for every parameter that has one: <_>' -ForEach @('Add-YouTubePlaylistItem', 'Connect-YouTube', 'Disconnect-YouTube', 'Get-YouTubeAnalytics', 'Get-YouTubeChannel', 'Get-YouTubeContext', 'Get-YouTubePlaylist', 'Get-YouTubePlaylistItem', 'Get-YouTubeToken', 'Get-YouTubeVideo', 'Invoke-YouTubeApi', 'New-YouTubePlaylist', 'Publish-YouTubeVideo', 'Remove-YouTubePlaylist', 'Remove-YouTubePlaylistItem', 'Revoke-YouTubeToken', 'Set-YouTubeContext', 'Set-YouTubePlaylist', 'Set-YouTubeThumbnail', 'Set-YouTubeVideo') {
        Import-Module $manifest -Force
        $command = Get-Command $_
        # What a parameter holds before anything is bound is its default; an empty one is "none".
        $fresh = $command.ImplementingType::new()
        $missing = foreach ($name in $command.Parameters.Keys | Where-Object { $_ -notin [Management.Automation.PSCmdlet]::CommonParameters -and $_ -notin [Management.Automation.PSCmdlet]::OptionalCommonParameters }) {
            $parameter = $command.Parameters[$name]
            $mandatory = @($parameter.Attributes | Where-Object { $_ -is [Parameter] }).Mandatory -notcontains $false
            # -First, -Skip, -IncludeTotalCount come with SupportsPaging, and PowerShell documents them itself.
            if ($parameter.SwitchParameter -or $mandatory -or -not $command.ImplementingType.GetProperty($name)) { continue }
            $value = $fresh.$name
            $hasDefault = $null -ne $value -and "$value" -ne '' -and "$value" -ne '0' -and -not ($value -is [array] -and $value.Count -eq 0)
            $documented = (Get-Help $_ -Parameter $name).defaultValue
            if ($hasDefault -and ($documented -in $null, '', 'None')) { "-$name (default $value)" }
        }
        $missing | Should -BeNullOrEmpty
        (Get-Help Connect-YouTube -Parameter TimeoutSec).defaultValue | Should -Be '300'
        (Get-Help Connect-YouTube -Parameter Profile).defaultValue | Should -Be 'default'
    }

    It 'links each cmdlet page to other pages of its own help, and to nothing online that is not there: <_>' -ForEach @('Add-YouTubePlaylistItem', 'Connect-YouTube', 'Disconnect-YouTube', 'Get-YouTubeAnalytics', 'Get-YouTubeChannel', 'Get-YouTubeContext', 'Get-YouTubePlaylist', 'Get-YouTubePlaylistItem', 'Get-YouTubeToken', 'Get-YouTubeVideo', 'Invoke-YouTubeApi', 'New-YouTubePlaylist', 'Publish-YouTubeVideo', 'Remove-YouTubePlaylist', 'Remove-YouTubePlaylistItem', 'Revoke-YouTubeToken', 'Set-YouTubeContext', 'Set-YouTubePlaylist', 'Set-YouTubeThumbnail', 'Set-YouTubeVideo') {
        $module = Import-Module $manifest -Force -PassThru
        $links = @((Get-Help $_).relatedLinks.navigationLink)
        $links.Count | Should -BeGreaterThan 0
        foreach ($link in $links) {
            $link.uri | Should -BeNullOrEmpty
            Get-Help $link.linkText -ErrorAction Stop | Should -Not -BeNullOrEmpty
        }
        (Get-Command $_).HelpUri | Should -BeNullOrEmpty
        $module.HelpInfoUri | Should -BeNullOrEmpty
    }

    It 'imports and works next to a module that loaded an older Google.Apis and PowerShell''s Newtonsoft.Json' {
        $other = Join-Path (Get-RepoRoot) 'tests/fixtures/OtherModule/bin/Release/netstandard2.0'
        $emulator = Start-GoogleEmulator
        try {
            $grant = New-EmulatorRefreshToken -Emulator $emulator
            # A fresh process, as a user's session would be: the other module's assemblies load first, into the default context.
            $run = Invoke-ChildPwsh -Environment @{ YT_RT = $grant.RefreshTokenText; YT_CS = $grant.ClientSecretText } -Command @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$other/Newtonsoft.Json.dll', '$other/Google.Apis.Core.dll', '$other/Google.Apis.dll', '$other/Google.Apis.Auth.dll'
Import-Module '$manifest'
Connect-YouTube -ClientId '$($grant.ClientId)' -ClientSecret (ConvertTo-SecureString `$env:YT_CS -AsPlainText -Force) -RefreshToken (ConvertTo-SecureString `$env:YT_RT -AsPlainText -Force) -ContextScope Process -EndpointBaseUri '$($emulator.BaseUri)' | Out-Null
"playlists: `$((Get-YouTubePlaylist).Count)"
# An API error: its body is read with Google.Apis.Core's own error type, which must come from YtOAuth's copy.
try { Invoke-YouTubeApi playlists -Query @{ part = 'snippet' } -ErrorAction Stop } catch { "error: `$(`$_.FullyQualifiedErrorId)" }
# The other module's types still work.
"other: `$([Google.Apis.Auth.OAuth2.Responses.TokenResponse]::new().GetType().Assembly.GetName().Version)"
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -like 'Google.Apis*' } | ForEach-Object { "loaded: `$(`$_.GetName().Name) `$(`$_.GetName().Version) in `$([Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name)" }
"@
            $run.Errors | Should -BeNullOrEmpty
            $run.Output | Should -Match 'playlists: 12'
            $run.Output | Should -Match 'other: 1\.68\.0\.0'
            $run.Output | Should -Match 'error: BadRequest,YtOAuth.Commands.InvokeYouTubeApiCommand'
            $run.Output | Should -Match 'loaded: Google.Apis.Auth 1\.68\.0\.0 in Default'
            $run.Output | Should -Match 'loaded: Google.Apis.Core 1\.68\.0\.0 in Default'
            $run.Output | Should -Match 'loaded: Google.Apis.Core 1\.78\.0\.0 in YtOAuth'
        } finally { Stop-GoogleEmulator $emulator }
    }

    It 'keeps one engine assembly across Import-Module -Force' {
        Import-Module $manifest -Force
        Import-Module $manifest -Force
        $emulator = Start-GoogleEmulator
        try { (Connect-EmulatorProfile -Emulator $emulator -Profile 'reimport').ChannelTitle | Should -Be 'Emulated Channel' }
        finally { Stop-GoogleEmulator $emulator }
        [AppDomain]::CurrentDomain.GetAssemblies().Where({ $_.GetName().Name -eq 'YtOAuth.Engine' }).Count | Should -Be 1
    }
}
