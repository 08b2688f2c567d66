# docs/testing-your-scripts.md shows a user's Pester suite (docs/examples/testing): it must be what runs here, and it
# must pass as a user would run it, with the module importable by name and the ytoauth tool on PATH.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelper.psm1') -Force
    $script:repo = Split-Path (Split-Path $PSScriptRoot)
    $script:example = Join-Path $repo 'docs/examples/testing'
    $script:guide = Get-Content (Join-Path $repo 'docs/testing-your-scripts.md') -Raw
}

Describe 'docs/testing-your-scripts.md' {
    It 'shows each example file as it is' {
        foreach ($file in Get-ChildItem $example -File) {
            $text = (Get-Content $file.FullName -Raw).Replace("`r`n", "`n").TrimEnd()
            $guide.Replace("`r`n", "`n").Contains($text) | Should -BeTrue -Because "the guide shows $($file.Name) as it is"
        }
    }

    It 'runs its example suite green, with the module and the ytoauth tool found by name' {
        $moduleRoot = Split-Path (Split-Path (Split-Path (Get-YtOAuthModulePath)))
        $tool = Join-Path $repo 'src/YtOAuth.Cli/bin/Release/net10.0'
        Test-Path (Join-Path $tool 'ytoauth') | Should -BeTrue -Because 'the solution build makes the ytoauth tool'
        $sep = [IO.Path]::PathSeparator
        $run = "`$r = Invoke-Pester -Path '$example' -Output Detailed -PassThru; 'RESULT {0} {1}' -f `$r.PassedCount, `$r.FailedCount"
        $saved = $env:PATH, $env:PSModulePath
        try {
            $env:PATH = $tool + $sep + $env:PATH
            $env:PSModulePath = $moduleRoot + $sep + $env:PSModulePath
            $output = & pwsh -NoProfile -NonInteractive -Command $run 2>&1 | Out-String
        } finally { $env:PATH, $env:PSModulePath = $saved }
        $output | Should -Match 'RESULT 3 0' -Because $output
    }
}
