# Every error the cmdlets raise, provoked through the real host against the emulator: its FullyQualifiedErrorId,
# its category, a message that says what to do and holds no secret, a target, and whether it ends the command
# (the rule is in docs/architecture.md). Consent denied, timed out and forged: Connect-YouTube.Tests.ps1.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    $script:vault = Initialize-TestVault
    Connect-EmulatorProfile -Emulator $emulator -Profile 'err' | Out-Null
    $script:channel = (Get-YouTubeContext -Profile 'err').ChannelId

    function script:Connect-RevokedProfile([string] $Profile) {
        $grant = New-EmulatorRefreshToken -Emulator $emulator
        Connect-YouTube -ClientId $grant.ClientId -ClientSecret $grant.ClientSecret -RefreshToken $grant.RefreshToken -Profile $Profile -ContextScope Process -EndpointBaseUri $emulator.BaseUri | Out-Null
        Invoke-RestMethod "$($emulator.BaseUri)revoke" -Method Post -Body @{ token = $grant.RefreshTokenText } | Out-Null
    }
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Error records' {
    AfterEach { Invoke-RestMethod -Method Delete "$($emulator.BaseUri)emulator/faults" | Out-Null }

    It '<Name>: <Id> (<Category>), terminating: <Terminating>' -ForEach @(
        @{ Name = 'an end date before the start date'; Id = 'InvalidArgument'; Command = 'GetYouTubeAnalytics'; Category = 'InvalidArgument'; Terminating = $true
           Run = { Get-YouTubeAnalytics -Profile err -StartDate 2026-02-01 -EndDate 2026-01-01 -Metrics views } }
        @{ Name = 'a missing client_secret.json'; Id = 'ClientSecretNotFound'; Command = 'ConnectYouTube'; Category = 'ObjectNotFound'; Terminating = $true
           Run = { Connect-YouTube -ClientSecretPath (Join-Path $TestDrive 'none.json') -ContextScope Process } }
        @{ Name = 'a client_secret.json of the wrong shape'; Id = 'ClientSecretInvalid'; Command = 'ConnectYouTube'; Category = 'InvalidData'; Terminating = $true
           Run = { $file = Join-Path $TestDrive 'array.json'; '[1, 2]' | Set-Content $file; Connect-YouTube -ClientSecretPath $file -ContextScope Process } }
        @{ Name = 'a profile never connected'; Id = 'NotConnected'; Command = 'GetYouTubeToken'; Category = 'AuthenticationError'; Terminating = $false
           Run = { Get-YouTubeToken -Profile never-connected -Vault YtOAuth } }
        @{ Name = 'a grant revoked at Google'; Id = 'GrantRevoked'; Command = 'GetYouTubeToken'; Category = 'AuthenticationError'; Terminating = $false
           Run = { Connect-RevokedProfile 'revoked'; Get-YouTubeToken -Profile revoked -ForceRefresh } }
        @{ Name = 'a revoked grant in the middle of a listing'; Id = 'GrantRevoked'; Command = 'GetYouTubePlaylist'; Category = 'AuthenticationError'; Terminating = $true
           Run = { Connect-RevokedProfile 'revoked2'; Invoke-EmulatorControl $emulator 'expire-access-tokens'; Get-YouTubePlaylist -Profile revoked2 } }
        @{ Name = 'a wrong client secret'; Id = 'ClientRejected'; Command = 'ConnectYouTube'; Category = 'AuthenticationError'; Terminating = $true
           Run = { $g = New-EmulatorRefreshToken -Emulator $emulator; Connect-YouTube -ClientId $g.ClientId -ClientSecret (ConvertTo-SecureString 'GOCSPX-wrong' -AsPlainText -Force) -RefreshToken $g.RefreshToken -ContextScope Process -EndpointBaseUri $emulator.BaseUri } }
        @{ Name = 'a token endpoint that refuses the request'; Id = 'TokenRequestFailed'; Command = 'GetYouTubeToken'; Category = 'ProtocolError'; Terminating = $false
           Run = { Invoke-EmulatorControl $emulator 'faults' @{ target = 'Token'; status = 400 }; Get-YouTubeToken -Profile err -ForceRefresh } }
        @{ Name = 'a network that is down'; Id = 'NetworkUnreachable'; Command = 'ConnectYouTube'; Category = 'ConnectionError'; Terminating = $true
           Run = { $g = New-EmulatorRefreshToken -Emulator $emulator; Connect-YouTube -ClientId $g.ClientId -ClientSecret $g.ClientSecret -RefreshToken $g.RefreshToken -ContextScope Process -EndpointBaseUri 'http://127.0.0.1:9/' } }
        @{ Name = 'server errors that outlast the retries'; Id = 'GoogleServerError'; Command = 'GetYouTubeToken'; Category = 'ConnectionError'; Terminating = $false
           Run = { Invoke-EmulatorControl $emulator 'faults' @{ target = 'Token'; status = 503; count = 4 }; Get-YouTubeToken -Profile err -ForceRefresh } }
        @{ Name = 'a revocation Google cannot confirm'; Id = 'RevokeFailed'; Command = 'RevokeYouTubeToken'; Category = 'ConnectionError'; Terminating = $false
           Run = { Connect-EmulatorProfile -Emulator $emulator -Profile 'unrevokable' | Out-Null; Invoke-EmulatorControl $emulator 'faults' @{ target = 'Revoke'; status = 500; count = 4 }; Revoke-YouTubeToken -Profile unrevokable -Force } }
        @{ Name = 'a grant without the Analytics scope'; Id = 'ScopeMissing'; Command = 'GetYouTubeAnalytics'; Category = 'PermissionDenied'; Terminating = $true
           Run = { Connect-EmulatorProfile -Emulator $emulator -Profile 'readonly' -Scope 'https://www.googleapis.com/auth/youtube.readonly' | Out-Null; Get-YouTubeAnalytics -Profile readonly -StartDate (Get-Date).AddDays(-3) -Metrics views } }
        @{ Name = 'a spent daily quota'; Id = 'QuotaExceeded'; Command = 'GetYouTubePlaylist'; Category = 'QuotaExceeded'; Terminating = $true
           Run = { Invoke-EmulatorControl $emulator 'faults' @{ target = 'YouTube'; status = 403; reason = 'quotaExceeded' }; Get-YouTubePlaylist -Profile err } }
        @{ Name = 'rate limiting with a long Retry-After'; Id = 'RateLimited'; Command = 'GetYouTubePlaylist'; Category = 'LimitsExceeded'; Terminating = $true
           Run = { Invoke-EmulatorControl $emulator 'faults' @{ target = 'YouTube'; status = 429; retryAfter = 3600 }; Get-YouTubePlaylist -Profile err } }
        @{ Name = 'an unknown playlist id'; Id = 'ResourceNotFound'; Command = 'GetYouTubePlaylist'; Category = 'ObjectNotFound'; Terminating = $false
           Run = { Get-YouTubePlaylist -Profile err -Id 'PLdoesnotexist' } }
        @{ Name = 'another channel''s analytics'; Id = 'AccessForbidden'; Command = 'GetYouTubeAnalytics'; Category = 'PermissionDenied'; Terminating = $true
           Run = { Get-YouTubeAnalytics -Profile err -ChannelId 'UCsomeoneelse000000000' -StartDate (Get-Date).AddDays(-3) -Metrics views } }
        @{ Name = 'an unknown metric, refused before any call'; Id = 'InvalidArgument'; Command = 'GetYouTubeAnalytics'; Category = 'InvalidArgument'; Terminating = $true
           Run = { Get-YouTubeAnalytics -Profile err -StartDate (Get-Date).AddDays(-3) -Metrics notAMetric } }
        @{ Name = 'a request Google refuses'; Id = 'BadRequest'; Command = 'InvokeYouTubeApi'; Category = 'InvalidArgument'; Terminating = $true
           Run = { Invoke-YouTubeApi playlists -Profile err -Query @{ part = 'snippet' } } }
        @{ Name = 'an access token refused even after a refresh'; Id = 'AuthenticationFailed'; Command = 'GetYouTubePlaylist'; Category = 'AuthenticationError'; Terminating = $true
           Run = { Invoke-EmulatorControl $emulator 'faults' @{ target = 'YouTube'; status = 401; count = 2 }; Get-YouTubePlaylist -Profile err } }
        @{ Name = 'a damaged record in the vault'; Id = 'TokenStoreFailed'; Command = 'GetYouTubeToken'; Category = 'WriteError'; Terminating = $false
           Run = { Set-Secret -Name 'YtOAuth.damaged' -Secret '{"profile": "damaged"}' -Vault YtOAuth; Get-YouTubeToken -Profile damaged -Vault YtOAuth } }
        @{ Name = 'a vault that does not exist'; Id = 'VaultNotAvailable'; Command = 'GetYouTubePlaylist'; Category = 'ResourceUnavailable'; Terminating = $true
           Run = { Get-YouTubePlaylist -Profile err -Vault 'NoSuchVault' } }
        @{ Name = 'browser consent in a CI run'; Id = 'InteractionRequired'; Command = 'ConnectYouTube'; Category = 'InvalidOperation'; Terminating = $true
           Run = { $env:CI = 'true'; try { Connect-YouTube -ClientSecretPath $emulator.ClientSecretPath -EndpointBaseUri $emulator.BaseUri -ContextScope Process } finally { Remove-Item Env:CI } } }
        @{ Name = 'a confirmation nobody can answer'; Id = 'InteractionRequired'; Command = 'DisconnectYouTube'; Category = 'InvalidOperation'; Terminating = $false
           Run = { Disconnect-YouTube -Profile err -Confirm } }
        @{ Name = 'a playlist piped to Get-YouTubeVideo'; Id = 'InputNotSupported'; Command = 'GetYouTubeVideo'; Category = 'InvalidType'; Terminating = $false
           Run = { Get-YouTubePlaylist -Profile err -First 1 | Get-YouTubeVideo -Profile err } }
        @{ Name = 'a path the API does not have'; Id = 'ResourceNotFound'; Command = 'InvokeYouTubeApi'; Category = 'ObjectNotFound'; Terminating = $true
           Run = { Invoke-YouTubeApi nosuchresource -Profile err } }
    ) {
        $caught = $null
        $records = @()
        try {
            $records = @(& { $ErrorActionPreference = 'Continue'; & $Run } 2>&1 | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        } catch { $caught = $_ }
        $record = if ($caught) { $caught } else { $records | Select-Object -First 1 }
        $record | Should -Not -BeNullOrEmpty -Because 'the command must report the failure'
        $record.FullyQualifiedErrorId | Should -Be "$Id,YtOAuth.Commands.$($Command)Command"
        $record.CategoryInfo.Category | Should -Be $Category
        [bool]$caught | Should -Be $Terminating
        $record.TargetObject | Should -Not -BeNullOrEmpty
        $record.Exception.Message | Should -Match '\. '  # a sentence of what happened, then what to do
        $record.Exception.Message | Should -Not -Match (Get-SecretPattern)
        $record.Exception.ToString() | Should -Not -Match (Get-SecretPattern)
    }

    It 'keeps the stored grant when a revocation cannot be confirmed' {
        (Get-YouTubeContext -Profile 'unrevokable').Profile | Should -Be 'unrevokable'
    }

    It 'lists the other ids when one of several is unknown' {
        $known = (Get-YouTubePlaylist -Profile err -First 2).Id
        $found = Get-YouTubePlaylist -Profile err -Id $known[0], 'PLdoesnotexist', $known[1] -ErrorVariable missing -ErrorAction SilentlyContinue
        $found.Id | Should -Be $known
        $missing.FullyQualifiedErrorId | Should -Be 'ResourceNotFound,YtOAuth.Commands.GetYouTubePlaylistCommand'
        $missing.TargetObject | Should -Be 'PLdoesnotexist'
    }
}
