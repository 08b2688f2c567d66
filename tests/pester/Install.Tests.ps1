# Installing YtOAuth as users do, from a brand-new home folder: the README's package and install lines, the README's
# scheduled job as it stands there (importing the module by name), a newer version beside the first, uninstalling;
# and the ytoauth .NET tool from its package.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    $script:emulator = Start-GoogleEmulator
    $script:userHome = New-TestHome
    $script:repoRoot = Get-RepoRoot
    $script:installed = Join-Path $userHome '.local/share/powershell/Modules/YtOAuth'
    $script:version = ([xml](Get-Content (Join-Path $repoRoot 'Directory.Build.props'))).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
}

AfterAll { Stop-GoogleEmulator $script:emulator }

Describe 'The module from its gallery package' {
    It 'is packaged by build.ps1 -Task Package, and installs with the README''s two lines' {
        $package = Invoke-ChildPwsh -HomePath $userHome -Command "./build.ps1 -Task Package" -TimeoutSec 300
        $package.ExitCode | Should -Be 0
        Test-Path (Join-Path $repoRoot "out/packages/YtOAuth.$version.nupkg") | Should -BeTrue
        Test-Path (Join-Path $repoRoot 'NuGet') | Should -BeFalse -Because 'packaging leaves nothing in the working tree'

        $install = Invoke-ChildPwsh -HomePath $userHome -Command "`$ErrorActionPreference = 'Stop'; $(Get-ReadmeBlock 'local-install'); (Get-InstalledPSResource YtOAuth).Version.ToString()"
        $install.Errors | Should -BeNullOrEmpty
        $install.Output.Trim() | Should -Be $version
        Test-Path (Join-Path $installed $version 'YtOAuth.psd1') | Should -BeTrue
        Test-Path (Join-Path $installed $version 'LICENSE') | Should -BeTrue
    }

    It 'runs the README''s scheduled job as written: Import-Module by name, the grant from the vault, no prompt' {
        $connect = Invoke-ChildConnect -Emulator $emulator -HomePath $userHome -Prefix "$(Get-ReadmeVaultSetup)`nImport-Module YtOAuth"
        $connect.Errors | Should -BeNullOrEmpty

        $jobFolder = New-Item -ItemType Directory (Join-Path $TestDrive 'job')
        Get-ReadmeBlock 'scheduled-job' | Set-Content (Join-Path $jobFolder 'job.ps1')
        $run = Invoke-ChildPwsh -HomePath $userHome -File job.ps1 -WorkingDirectory $jobFolder -TimeoutSec 60
        $run.TimedOut | Should -BeFalse
        $run.Errors | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        (Import-Csv (Join-Path $jobFolder 'playlists.csv')).Count | Should -Be 12
    }

    It 'imports the newest of two installed versions, and uninstalls both' {
        # A newer build of the same module, published to a second local gallery as a release would be.
        $stage = Join-Path $TestDrive 'stage/YtOAuth'
        Copy-Item -Recurse (Join-Path $repoRoot "out/YtOAuth/$version") $stage
        $manifest = Join-Path $stage 'YtOAuth.psd1'
        (Get-Content $manifest -Raw) -replace "ModuleVersion(\s*)= '$([regex]::Escape($version))'", "ModuleVersion`$1= '99.0.0'" | Set-Content $manifest
        $newer = New-Item -ItemType Directory (Join-Path $TestDrive 'newer-gallery')
        $publish = Invoke-ChildPwsh -HomePath $userHome -Command ("`$ErrorActionPreference = 'Stop'; Register-PSResourceRepository -Name Newer -Uri '$newer' -Trusted; " +
            "Publish-PSResource -Path '$stage' -Repository Newer; Install-PSResource YtOAuth -Repository Newer") -WorkingDirectory $TestDrive
        $publish.Errors | Should -BeNullOrEmpty

        $import = Invoke-ChildPwsh -HomePath $userHome -Command "(Get-Module -ListAvailable YtOAuth).Version -join ','; Import-Module YtOAuth; (Get-Module YtOAuth).Version.ToString()"
        $import.Errors | Should -BeNullOrEmpty
        $lines = $import.Output -split "`r?`n" | Where-Object { $_ }
        $lines[0] -split ',' | Sort-Object | Should -Be (@($version, '99.0.0') | Sort-Object)
        $lines[1] | Should -Be '99.0.0'

        $uninstall = Invoke-ChildPwsh -HomePath $userHome -Command "Uninstall-PSResource YtOAuth -Version '*' -ErrorAction Stop; @(Get-Module -ListAvailable YtOAuth).Count"
        $uninstall.Errors | Should -BeNullOrEmpty
        $uninstall.Output.Trim() | Should -Be '0'
        Test-Path $installed | Should -BeFalse
    }
}

Describe 'The ytoauth tool from its package' {
    It 'packs with the README''s command, installs as a global .NET tool in a new home, and runs' {
        $toolFolder = Join-Path $repoRoot 'out/tool'
        $pack = Invoke-ChildPwsh -Command "dotnet pack src/YtOAuth.Cli -c Release -o '$toolFolder' -nologo -v quiet; exit `$LASTEXITCODE" -TimeoutSec 300
        $pack.ExitCode | Should -Be 0
        $toolHome = New-TestHome
        # A home of its own for the tool's install: nothing cached, nothing on PATH beforehand.
        $install = Invoke-ChildPwsh -HomePath $toolHome -Environment @{ DOTNET_CLI_HOME = $toolHome; NUGET_PACKAGES = (Join-Path $toolHome '.nuget/packages'); DOTNET_NOLOGO = '1' } -Command (
            "dotnet tool install --global --add-source '$toolFolder' ytoauth | Out-Null; if (`$LASTEXITCODE) { exit `$LASTEXITCODE }; & (Join-Path `$HOME '.dotnet/tools/ytoauth') --version") -TimeoutSec 300
        $install.Errors | Should -BeNullOrEmpty
        $install.ExitCode | Should -Be 0
        $install.Output.Trim() | Should -Match "^$([regex]::Escape($version))\b"
    }
}
