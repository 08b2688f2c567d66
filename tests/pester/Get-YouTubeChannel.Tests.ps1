BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    Connect-EmulatorProfile -Emulator $emulator -Profile 'chan' | Out-Null
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Get-YouTubeChannel' {
    It 'writes the connected channel with its statistics and uploads playlist' {
        $channel = Get-YouTubeChannel -Profile 'chan'
        $channel.GetType().FullName | Should -Be 'YtOAuth.Output.YouTubeChannel'
        $channel.Title | Should -Be 'Emulated Channel'
        $channel.Handle | Should -Be '@emulated'
        $channel.Subscribers | Should -BeOfType [long]
        $channel.UploadsPlaylistId | Should -Match '^UU'
    }

    It 'finds a channel by handle, with or without @' {
        (Get-YouTubeChannel -Profile 'chan' -Handle '@emulated').Title | Should -Be 'Emulated Channel'
        (Get-YouTubeChannel -Profile 'chan' -Handle 'other').Title | Should -Be 'Other Channel'
    }

    It 'takes ids from the pipeline and reports an unknown one without stopping the others' {
        $mine = (Get-YouTubeChannel -Profile 'chan').Id
        $found = $mine, 'UCnobody0000000000000000' | Get-YouTubeChannel -Profile 'chan' -ErrorVariable missing -ErrorAction SilentlyContinue
        $found.Id | Should -Be $mine
        $missing.FullyQualifiedErrorId | Should -Be 'ResourceNotFound,YtOAuth.Commands.GetYouTubeChannelCommand'
    }

    It 'shows a table of title, handle, subscribers, videos and id' {
        (Get-YouTubeChannel -Profile 'chan' | Out-String -Width 100) | Should -Match 'Title\s+Handle\s+Subscribers\s+Videos\s+Id'
    }
}
