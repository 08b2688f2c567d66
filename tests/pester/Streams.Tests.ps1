# What a user sees and scripts capture: no secret in any of the six streams or in $Error, even with -Verbose and
# -Debug; -WhatIf and -Confirm that change nothing; the default table and list views; tab completion.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Secrets in streams' {
    It 'shows no token, code or client secret in any stream or in $Error through a whole session' {
        $Error.Clear()
        $grant = New-EmulatorRefreshToken -Emulator $emulator
        $InformationPreference = 'Continue'
        $all = & {
            Connect-YouTube -ClientId $grant.ClientId -ClientSecret $grant.ClientSecret -RefreshToken $grant.RefreshToken -Profile 'streams' -ContextScope Process -EndpointBaseUri $emulator.BaseUri -Verbose -Debug
            Get-YouTubeToken -Profile 'streams' -ForceRefresh -Verbose -Debug
            Get-YouTubePlaylist -Profile 'streams' -Verbose -Debug
            Get-YouTubeAnalytics -Profile 'streams' -StartDate (Get-Date).AddDays(-5) -Metrics 'views', 'likes' -Dimensions day -Verbose -Debug
            Get-YouTubeContext -Profile 'streams' -Verbose -Debug | Format-List * | Out-String
            Get-YouTubePlaylist -Profile 'streams' -Id 'PLmissing' -Verbose -Debug -ErrorAction Continue
            Revoke-YouTubeToken -Profile 'streams' -Force -Verbose -Debug
            Get-YouTubeToken -Profile 'streams' -Verbose -Debug -ErrorAction Continue
        } *>&1
        $kinds = $all | ForEach-Object { $_.GetType().Name } | Sort-Object -Unique
        $kinds | Should -Contain 'VerboseRecord'
        $kinds | Should -Contain 'DebugRecord'
        $kinds | Should -Contain 'ErrorRecord'
        $text = ($all | ForEach-Object { if ($_ -is [Management.Automation.ErrorRecord]) { $_.Exception.ToString() } else { $_ | Out-String } }) -join "`n"
        $text | Should -Not -Match (Get-SecretPattern)
        $text | Should -Not -Match ([regex]::Escape($grant.RefreshTokenText))
        $text | Should -Not -Match ([regex]::Escape($grant.ClientSecretText))
        ($Error | ForEach-Object { $_.ToString(); $_.Exception.ToString() }) -join "`n" | Should -Not -Match (Get-SecretPattern)
    }

    It 'shows the token only behind -AsPlainText' {
        Connect-EmulatorProfile -Emulator $emulator -Profile 'plain' | Out-Null
        (Get-YouTubeToken -Profile 'plain' | Format-Table | Out-String) | Should -Not -Match 'ya29\.'
        (Get-YouTubeToken -Profile 'plain' | Format-List * | Out-String) | Should -Not -Match 'ya29\.'
        Get-YouTubeToken -Profile 'plain' -AsPlainText | Should -Match '^ya29\.'
    }
}

Describe '-WhatIf and -Confirm' {
    BeforeEach { Connect-EmulatorProfile -Emulator $emulator -Profile 'confirm' | Out-Null }

    It 'Revoke-YouTubeToken -WhatIf names the target and changes nothing' {
        $said = Revoke-YouTubeToken -Profile 'confirm' -WhatIf 6>&1 | Out-String
        Get-YouTubeToken -Profile 'confirm' -AsPlainText | Should -Match '^ya29\.'
    }

    It 'Disconnect-YouTube -WhatIf changes nothing' {
        Disconnect-YouTube -Profile 'confirm' -WhatIf
        (Get-YouTubeContext -Profile 'confirm').Profile | Should -Be 'confirm'
    }

    It 'Revoke-YouTubeToken -Confirm in an unattended session refuses instead of prompting, and revokes nothing' {
        $err = { Revoke-YouTubeToken -Profile 'confirm' -Confirm -ErrorAction Stop } | Should -Throw -ErrorId 'InteractionRequired,YtOAuth.Commands.RevokeYouTubeTokenCommand' -PassThru
        $err.Exception.Message | Should -Match '-Force \(or -Confirm:\$false\)'
        Get-YouTubeToken -Profile 'confirm' -AsPlainText | Should -Match '^ya29\.'
    }

    It 'Revoke-YouTubeToken -Confirm:$false revokes at the emulator and forgets the grant' {
        Invoke-EmulatorControl $emulator 'counters/reset'
        Revoke-YouTubeToken -Profile 'confirm' -Confirm:$false
        Get-EmulatorCounter $emulator 'revoke' | Should -Be 1
        (Get-YouTubeContext -ListAvailable).Profile | Should -Not -Contain 'confirm'
    }

    It 'Disconnect-YouTube -PassThru writes the forgotten context' {
        (Disconnect-YouTube -Profile 'confirm' -Confirm:$false -PassThru).Profile | Should -Be 'confirm'
    }
}

Describe 'Default views' {
    BeforeAll { Connect-EmulatorProfile -Emulator $emulator -Profile 'views' | Out-Null }

    It 'shows playlists as a table with Title, Items, Privacy, Published and Id' {
        $table = Get-YouTubePlaylist -Profile 'views' -First 3 | Out-String -Width 80
        $table | Should -Match 'Title\s+ItemCount\s+Privacy\s+Published\s+Id'
        $table | Should -Match 'Playlist 0001'
    }

    It 'shows every playlist property in the list view' {
        $list = Get-YouTubePlaylist -Profile 'views' -First 1 | Format-List | Out-String
        foreach ($name in 'Id', 'Title', 'Description', 'ChannelTitle', 'Privacy', 'ItemCount') { $list | Should -Match "$name\s+:" }
    }

    It 'shows contexts as a table of profile, channel title, scopes, expiry and store that fits 80 columns' {
        $table = Get-YouTubeContext -Profile 'views' | Out-String -Width 80
        $table | Should -Match 'Profile\s+ChannelTitle\s+Scopes\s+ExpiresOn\s+Store'
        $table | Should -Match 'views\s+Emulated Channel\s+ReadOnly,Analytics\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+memory'
    }

    It 'shows analytics rows as a table with the report''s column names' {
        $table = Get-YouTubeAnalytics -Profile 'views' -StartDate (Get-Date).AddDays(-5) -Metrics 'views', 'likes' -Dimensions day | Out-String
        $table | Should -Match 'day\s+views\s+likes'
    }
}

Describe 'Tab completion' {
    It 'completes -<Parameter> of <Command> from "<Typed>" with <Expected>' -ForEach @(
        @{ Command = 'Connect-YouTube'; Parameter = 'Scope'; Typed = 'Ana'; Expected = 'Analytics' }
        @{ Command = 'Get-YouTubeAnalytics'; Parameter = 'Metrics'; Typed = 'estimatedM'; Expected = 'estimatedMinutesWatched' }
        @{ Command = 'Get-YouTubeAnalytics'; Parameter = 'Dimensions'; Typed = 'coun'; Expected = 'country' }
    ) {
        $line = "$Command -$Parameter $Typed"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $Expected
    }
}
