BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    Import-Module (Get-YtOAuthModulePath) -Force
    $script:emulator = Start-GoogleEmulator
    $script:vault = Initialize-TestVault
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'Connect-YouTube' {
    It 'connects unattended with a refresh token and writes one context object' {
        $context = Connect-EmulatorProfile -Emulator $emulator -Profile 'connect1'
        @($context).Count | Should -Be 1
        $context.GetType().FullName | Should -Be 'YtOAuth.Output.YouTubeContext'
        $context.Profile | Should -Be 'connect1'
        $context.ChannelTitle | Should -Be 'Emulated Channel'
        $context.Scopes | Should -Contain 'ReadOnly'
        $context.ContextScope | Should -Be 'Process'
        $context.ExpiresOn | Should -BeGreaterThan (Get-Date)
    }

    It 'refuses a missing client_secret.json with ClientSecretNotFound' {
        { Connect-YouTube -ClientSecretPath (Join-Path $TestDrive 'nope.json') -ContextScope Process -ErrorAction Stop } |
            Should -Throw -ErrorId 'ClientSecretNotFound,YtOAuth.Commands.ConnectYouTubeCommand'
    }

    It 'reports a missing client_secret.json as not found before anything about the vault' {
        $err = { Connect-YouTube -ClientSecretPath (Join-Path $TestDrive 'nope.json') -Vault 'NoSuchVault' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ClientSecretNotFound,YtOAuth.Commands.ConnectYouTubeCommand' -PassThru
        $err.Exception.Message | Should -Match 'not found'
        $err.Exception.Message | Should -Not -Match 'vault'
    }

    It 'reports a directory given for client_secret.json as a directory, naming the file in it' {
        $folder = New-Item (Join-Path $TestDrive 'Downloads') -ItemType Directory -Force
        $err = { Connect-YouTube -ClientSecretPath $folder.FullName -Vault 'NoSuchVault' -ErrorAction Stop } |
            Should -Throw -ErrorId 'ClientSecretNotFound,YtOAuth.Commands.ConnectYouTubeCommand' -PassThru
        $err.Exception.Message | Should -Match 'is a directory'
        Copy-Item $emulator.ClientSecretPath (Join-Path $folder 'client_secret_123.json')
        $err = { Connect-YouTube -ClientSecretPath $folder.FullName -ContextScope Process -ErrorAction Stop } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match ([regex]::Escape((Join-Path $folder 'client_secret_123.json')))
    }

    It 'takes -Scopes, as Connect-MgGraph names it, for -Scope' {
        $grant = New-EmulatorRefreshToken -Emulator $emulator
        $context = Connect-YouTube -ClientId $grant.ClientId -ClientSecret $grant.ClientSecret -RefreshToken $grant.RefreshToken -Scopes ReadOnly, Analytics `
            -Profile 'scopes-alias' -ContextScope Process -EndpointBaseUri $emulator.BaseUri
        $context.Scopes | Should -Contain 'Analytics'
    }

    It 'refuses a malformed client_secret.json naming the field, without echoing the secret' {
        $file = Join-Path $TestDrive 'broken.json'
        '{"installed":{"client_id":"x.apps.googleusercontent.com","client_secret_typo":"GOCSPX-do-not-show"}}' | Set-Content $file
        $err = { Connect-YouTube -ClientSecretPath $file -ContextScope Process -ErrorAction Stop } | Should -Throw -ErrorId 'ClientSecretInvalid,YtOAuth.Commands.ConnectYouTubeCommand' -PassThru
        $err.Exception.Message | Should -Match 'installed\.client_secret'
        $err.Exception.Message | Should -Not -Match 'GOCSPX-do-not-show'
        $err.CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'refuses a client_secret.json that is not JSON at all, naming the position only' {
        $file = Join-Path $TestDrive 'garbage.json'
        '{"installed": {"client_secret": "GOCSPX-leak' | Set-Content $file
        $err = { Connect-YouTube -ClientSecretPath $file -ContextScope Process -ErrorAction Stop } | Should -Throw -ErrorId 'ClientSecretInvalid,YtOAuth.Commands.ConnectYouTubeCommand' -PassThru
        $err.Exception.Message | Should -Match 'line \d+, position \d+'
        $err.Exception.Message | Should -Not -Match 'GOCSPX-leak'
    }

    It 'never opens a browser or waits in an unattended session' {
        # The suite runs with -NonInteractive; CI also sets CI=true.
        $env:CI = 'true'
        try {
            $started = Get-Date
            { Connect-YouTube -ClientSecretPath $emulator.ClientSecretPath -EndpointBaseUri $emulator.BaseUri -ContextScope Process -Profile 'attended' -ErrorAction Stop } |
                Should -Throw -ErrorId 'InteractionRequired,YtOAuth.Commands.ConnectYouTubeCommand'
            ((Get-Date) - $started).TotalSeconds | Should -BeLessThan 10
        } finally { Remove-Item Env:CI -ErrorAction SilentlyContinue }
    }

    It 'rejects a revoked refresh token with GrantRevoked and stores nothing' {
        $grant = New-EmulatorRefreshToken -Emulator $emulator
        Invoke-RestMethod "$($emulator.BaseUri)revoke" -Method Post -Body @{ token = $grant.RefreshTokenText } | Out-Null
        { Connect-YouTube -ClientId $grant.ClientId -ClientSecret $grant.ClientSecret -RefreshToken $grant.RefreshToken -Profile 'dead' -ContextScope Process -EndpointBaseUri $emulator.BaseUri -ErrorAction Stop } |
            Should -Throw -ErrorId 'GrantRevoked,YtOAuth.Commands.ConnectYouTubeCommand'
        (Get-YouTubeContext -ListAvailable).Profile | Should -Not -Contain 'dead'
    }

    It 'stores the grant in the SecretStore vault for CurrentUser' {
        $context = Connect-EmulatorProfile -Emulator $emulator -Profile 'vaulted' -Vault $vault
        $context.Vault | Should -Be $vault
        $context.ContextScope | Should -Be 'CurrentUser'
        Get-SecretInfo -Name 'YtOAuth.vaulted' -Vault $vault | Should -Not -BeNullOrEmpty
        (Get-YouTubeToken -Profile 'vaulted' -Vault $vault -AsPlainText) | Should -Match '^ya29\.'
        Disconnect-YouTube -Profile 'vaulted' -Vault $vault -Confirm:$false
        Get-SecretInfo -Name 'YtOAuth.vaulted' -Vault $vault | Should -BeNullOrEmpty
    }
}

Describe 'Connect-YouTube with consent in a real browser' {
    BeforeAll {
        if (-not (Test-ChromiumAvailable)) { throw 'These tests drive Debian''s Chromium: apt-get install -y chromium chromium-driver (.ci/run does).' }
        # The emulator's consent page now waits for the browser to tick boxes and press a button.
        Invoke-EmulatorControl $emulator 'settings' @{ autoApprove = 'false' }
        $script:manifest = Get-YtOAuthModulePath

        function script:Get-ConnectCommand([string] $Profile, [int] $TimeoutSec = 60) {
            "Import-Module '$manifest'; try { `$c = Connect-YouTube -ClientSecretPath '$($emulator.ClientSecretPath)' -EndpointBaseUri '$($emulator.BaseUri)' " +
            "-Profile $Profile -TimeoutSec $TimeoutSec -ErrorAction Stop; 'CONNECTED ' + `$c.ContextScope + ' missing=' + (`$c.MissingScopes -join ',') } " +
            "catch { 'FAILED ' + `$_.FullyQualifiedErrorId + ' | ' + `$_.CategoryInfo.Category + ' | ' + `$_.ToString(); exit 3 }"
        }

        function script:Invoke-BrowserConnect([string] $Profile, [string] $Mode, [int] $TimeoutSec = 60) {
            $log = Join-Path $TestDrive "browser-$Profile.log"
            # A person's shell: no -NonInteractive, no CI marker; BROWSER is the user's browser, here headless Chromium.
            $result = Invoke-ChildPwsh -Interactive -Command (Get-ConnectCommand $Profile $TimeoutSec) -Environment @{
                BROWSER = Get-BrowserCommand; YTOAUTH_TEST_CONSENT = $Mode; YTOAUTH_TEST_BROWSER_LOG = $log
            }
            $result | Add-Member -NotePropertyName Browser -NotePropertyValue ((Get-Content $log -Raw -ErrorAction SilentlyContinue) ?? '')
            $result | Add-Member -NotePropertyName Port -NotePropertyValue ([int]([regex]::Match($result.Output, '127\.0\.0\.1%3A(\d+)').Groups[1].Value))
            $result
        }
    }

    AfterAll { Invoke-EmulatorControl $emulator 'settings' @{ autoApprove = 'true' } }

    It 'ticks the scopes, presses Allow, and stores the grant in the vault' {
        $result = Invoke-BrowserConnect -Profile 'browser-allow' -Mode 'allow'
        $result.Output | Should -Match 'CONNECTED CurrentUser missing=$'
        $result.ExitCode | Should -Be 0
        $result.Browser | Should -Match 'Signed in'
        Get-VaultSecretName | Should -Contain 'YtOAuth.browser-allow'
        $result.Output + $result.Errors | Should -Not -Match (Get-SecretPattern)
    }

    It 'reports Deny as ConsentDenied and stores nothing' {
        $result = Invoke-BrowserConnect -Profile 'browser-deny' -Mode 'deny'
        $result.ExitCode | Should -Be 3
        $result.Output | Should -Match 'FAILED ConsentDenied,YtOAuth.Commands.ConnectYouTubeCommand \| PermissionDenied'
        $result.Browser | Should -Match 'declined'
        Get-VaultSecretName | Should -Not -Contain 'YtOAuth.browser-deny'
    }

    It 'connects with the scopes that were ticked and names the one left out' {
        $result = Invoke-BrowserConnect -Profile 'browser-partial' -Mode 'untick:scope1'
        $result.Output | Should -Match 'CONNECTED CurrentUser missing=Analytics'
        $result.Output | Should -Match 'WARNING: Consent left out Analytics'
        # The next shell to use the grant is told which scope is missing and the command that adds it.
        $later = Invoke-ChildPwsh -Command "Import-Module '$manifest'; try { Get-YouTubeAnalytics -Profile browser-partial -StartDate (Get-Date).AddDays(-3) -Metrics views -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; `$_.ToString() }"
        $later.Output | Should -Match 'ScopeMissing,YtOAuth.Commands.GetYouTubeAnalyticsCommand'
        # Just the missing scope, without -Force: the new consent keeps the scopes the grant has (incremental consent).
        $later.Output | Should -Match 'Run: Connect-YouTube -Profile browser-partial -Scope Analytics -ClientSecretPath'
        $later.Output | Should -Not -Match '-Force'
    }

    It 'times out with ConsentTimeout, stores nothing and frees the port' {
        $result = Invoke-BrowserConnect -Profile 'browser-idle' -Mode 'ignore' -TimeoutSec 10
        $result.Output | Should -Match 'FAILED ConsentTimeout,YtOAuth.Commands.ConnectYouTubeCommand \| OperationTimeout \| .*-TimeoutSec'
        $result.Seconds | Should -BeLessThan 30
        $result.Port | Should -BeGreaterThan 0
        Test-PortFree $result.Port | Should -BeTrue
        Get-VaultSecretName | Should -Not -Contain 'YtOAuth.browser-idle'
    }

    It 'refuses a forged redirect and ends in StateMismatch with nothing exchanged' {
        Invoke-EmulatorControl $emulator 'counters/reset'
        $result = Invoke-BrowserConnect -Profile 'browser-forged' -Mode 'forge' -TimeoutSec 10
        $result.Browser | Should -Match 'forged: 400'
        $result.Output | Should -Match 'FAILED StateMismatch,YtOAuth.Commands.ConnectYouTubeCommand \| SecurityError'
        Get-EmulatorCounter $emulator 'token:authorization_code' | Should -Be 0
        Get-VaultSecretName | Should -Not -Contain 'YtOAuth.browser-forged'
    }

    It 'completes from the address a browser on another machine ended on, pasted at the prompt (-NoBrowser)' {
        Invoke-EmulatorControl $emulator 'settings' @{ autoApprove = 'true' }
        try {
            $info = [Diagnostics.ProcessStartInfo]::new('pwsh')
            foreach ($a in '-NoProfile', '-Command', (Get-ConnectCommand 'browser-pasted' 60).Replace('-TimeoutSec', '-NoBrowser -TimeoutSec')) { $info.ArgumentList.Add($a) }
            $info.RedirectStandardInput = $true; $info.RedirectStandardOutput = $true; $info.RedirectStandardError = $true; $info.UseShellExecute = $false
            $info.Environment.Remove('CI') | Out-Null
            $shell = [Diagnostics.Process]::Start($info)
            $errors = $shell.StandardError.ReadToEndAsync()
            $url = $null
            while (-not $url -and ($line = $shell.StandardOutput.ReadLine()) -ne $null) {
                if ($line -match '(http://\S+/o/oauth2/v2/auth\S+)') { $url = $Matches[1] }
            }
            $url | Should -Not -BeNullOrEmpty
            # The far browser: it signs in, and ends on an address at 127.0.0.1 that it cannot reach.
            $ended = [string](Invoke-WebRequest $url -MaximumRedirection 0 -SkipHttpErrorCheck -ErrorAction SilentlyContinue).Headers.Location
            $shell.StandardInput.WriteLine($ended)
            $shell.StandardInput.Close()
            $rest = $shell.StandardOutput.ReadToEnd()
            $shell.WaitForExit(30000) | Should -BeTrue
            $rest | Should -Match 'CONNECTED CurrentUser'
            $errors.Result | Should -BeNullOrEmpty
        } finally { Invoke-EmulatorControl $emulator 'settings' @{ autoApprove = 'false' } }
    }

    It 'stops at Ctrl+C in a terminal at once, stores nothing and frees the port' {
        $log = Join-Path $TestDrive 'browser-ctrlc.log'
        $script = Join-Path $TestDrive 'ctrlc.ps1'
        "$(Get-ConnectCommand 'browser-ctrlc' 300)`n'AFTER'" | Set-Content $script
        $session = "ytoauth-ctrlc-$PID"
        $environment = "BROWSER='$(Get-BrowserCommand)' YTOAUTH_TEST_CONSENT=ignore YTOAUTH_TEST_BROWSER_LOG='$log' HOME='$HOME'"
        # tmux gives pwsh a real terminal, so Ctrl+C arrives as a person's would.
        & tmux new-session -d -s $session -x 200 -y 50 "env -u CI $environment pwsh -NoProfile -File '$script' > '$TestDrive/ctrlc.out' 2>&1"
        try {
            $deadline = (Get-Date).AddSeconds(60)
            while (-not (Test-Path $log) -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 200 }
            Test-Path $log | Should -BeTrue -Because 'the browser was asked to open the consent URL'
            $port = [int]([regex]::Match((Get-Content $log -Raw), '127\.0\.0\.1%3A(\d+)').Groups[1].Value)
            Test-PortFree $port | Should -BeFalse -Because 'the loopback listener waits on it'
            $pressed = Get-Date
            & tmux send-keys -t $session C-c
            while (((Get-Date) - $pressed).TotalSeconds -lt 20) {
                & tmux has-session -t $session 2>$null
                if ($LASTEXITCODE -ne 0) { break }
                Start-Sleep -Milliseconds 100
            }
            ((Get-Date) - $pressed).TotalSeconds | Should -BeLessThan 5
        } finally { & tmux kill-session -t $session 2>$null }
        $output = Get-Content "$TestDrive/ctrlc.out" -Raw
        $output | Should -Not -Match 'CONNECTED|FAILED|AFTER'
        Test-PortFree $port | Should -BeTrue
        Get-VaultSecretName | Should -Not -Contain 'YtOAuth.browser-ctrlc'
    }
}
