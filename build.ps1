#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, lays out and tests the YtOAuth module. Thin named tasks over dotnet; every task runs dotnet as a
    child process, so a YtOAuth.dll loaded in this session never locks the build output.
.EXAMPLE
    ./build.ps1                      # Build: compile and lay out out/YtOAuth/<version>/
.EXAMPLE
    ./build.ps1 -Task Clean, Build, Test
.EXAMPLE
    ./build.ps1 -Task Demo           # build, then the whole flow through the cmdlets against the Google emulator
.EXAMPLE
    ./build.ps1 -Task Package        # build, then out/packages/YtOAuth.<version>.nupkg for Install-PSResource
#>
[CmdletBinding()]
param(
    [ValidateSet('Clean', 'Build', 'Layout', 'Test', 'Pester', 'Demo', 'Package')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Get-ModuleVersion {
    ([xml](Get-Content (Join-Path $PSScriptRoot 'Directory.Build.props'))).Project.PropertyGroup.Version | Where-Object { $_ } | Select-Object -First 1
}

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

foreach ($name in $Task) {
    switch ($name) {
        'Clean' {
            Invoke-Dotnet 'clean' 'YtOAuth.sln' '-c' $Configuration '-nologo' '-v' 'quiet'
            Remove-Item -Recurse -Force (Join-Path $PSScriptRoot 'out') -ErrorAction SilentlyContinue
        }
        'Build' {
            # Building the solution runs the module layout (src/YtOAuth.ModuleBuilder): the manifest stamped with
            # the version, YtOAuth.dll, the format file, dependencies/ and en-US/YtOAuth.dll-Help.xml.
            Invoke-Dotnet 'build' 'YtOAuth.sln' '-c' $Configuration '-nologo'
        }
        'Layout' {
            # Only the module folder (the MSBuild target in src/YtOAuth.ModuleBuilder): builds what it needs.
            Invoke-Dotnet 'build' 'src/YtOAuth.ModuleBuilder' '-c' $Configuration '-nologo'
        }
        'Test' {
            Invoke-Dotnet 'test' 'YtOAuth.sln' '-c' $Configuration '--no-build' '-nologo'
        }
        'Pester' {
            & pwsh -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'tests/pester/Invoke-PesterSuite.ps1')
            if ($LASTEXITCODE -ne 0) { throw 'The Pester suite failed.' }
        }
        'Package' {
            # The gallery package, made by PSResourceGet exactly as Publish-PSResource makes it for the PowerShell
            # Gallery, into a folder that Register-PSResourceRepository can serve: out/packages/YtOAuth.<version>.nupkg.
            Invoke-Dotnet 'build' 'src/YtOAuth.ModuleBuilder' '-c' $Configuration '-nologo' '-v' 'quiet'
            $version = Get-ModuleVersion
            $packages = New-Item -ItemType Directory -Force (Join-Path $PSScriptRoot 'out/packages')
            Remove-Item (Join-Path $packages "YtOAuth.$version.nupkg") -ErrorAction SilentlyContinue
            $repository = "YtOAuthBuild-$PID"   # registered for this publish only
            # Publishing writes a default NuGet/NuGet.Config into the process's current folder: keep it out of the repository.
            $scratch = New-Item -ItemType Directory (Join-Path ([IO.Path]::GetTempPath()) $repository)
            $processFolder = [Environment]::CurrentDirectory
            Register-PSResourceRepository -Name $repository -Uri $packages.FullName -Trusted
            try {
                [Environment]::CurrentDirectory = $scratch.FullName
                Publish-PSResource -Path (Join-Path $PSScriptRoot "out/YtOAuth/$version") -Repository $repository
            } finally {
                [Environment]::CurrentDirectory = $processFolder
                Unregister-PSResourceRepository -Name $repository
                Remove-Item -Recurse -Force $scratch
            }
            Write-Host "Packaged: $(Join-Path $packages "YtOAuth.$version.nupkg")"
        }
        'Demo' {
            Invoke-Dotnet 'build' 'YtOAuth.sln' '-c' 'Release' '-nologo' '-v' 'quiet'
            # Without a terminal (CI, a pipe) nobody can press Allow: the emulator approves by itself and the demo says so.
            # The demo's own pwsh then counts as attended, so the CI marker is not passed on to it.
            $noTerminal = [Console]::IsInputRedirected -or [Console]::IsOutputRedirected -or $env:CI -in 'true', '1'
            $ci = $env:CI
            try {
                if ($noTerminal) { Remove-Item Env:CI -ErrorAction SilentlyContinue }
                & pwsh -NoProfile -File (Join-Path $PSScriptRoot 'src/YtOAuth.Demo/Invoke-Demo.ps1') -AutoApprove:$noTerminal
            } finally { $env:CI = $ci }
            if ($LASTEXITCODE -ne 0) { throw 'The demo failed.' }
        }
    }
}
