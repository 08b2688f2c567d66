# One file per secret (string secrets only) in the folder VaultParameters.Path.
function Get-SecretPath([hashtable] $AdditionalParameters, [string] $Name) { Join-Path $AdditionalParameters.Path "$Name.secret" }

function Assert-Writable([hashtable] $AdditionalParameters) {
    if (Test-Path (Join-Path $AdditionalParameters.Path 'fail-writes')) { throw [IO.IOException]::new('No space left on device.') }
}

function Get-Secret {
    param([string] $Name, [string] $VaultName, [hashtable] $AdditionalParameters)
    $path = Get-SecretPath $AdditionalParameters $Name
    if (Test-Path $path) { Get-Content $path -Raw }
}

function Set-Secret {
    param([string] $Name, [object] $Secret, [string] $VaultName, [hashtable] $AdditionalParameters, [hashtable] $Metadata)
    Assert-Writable $AdditionalParameters
    if ($Secret -is [securestring]) { $Secret = [Net.NetworkCredential]::new('', $Secret).Password }
    Set-Content -Path (Get-SecretPath $AdditionalParameters $Name) -Value ([string]$Secret) -NoNewline
    $true
}

function Remove-Secret {
    param([string] $Name, [string] $VaultName, [hashtable] $AdditionalParameters)
    Assert-Writable $AdditionalParameters
    Remove-Item (Get-SecretPath $AdditionalParameters $Name) -ErrorAction Stop
    $true
}

function Get-SecretInfo {
    param([string] $Filter, [string] $VaultName, [hashtable] $AdditionalParameters)
    $type = 'Microsoft.PowerShell.SecretManagement.SecretInformation' -as [type]
    foreach ($file in Get-ChildItem $AdditionalParameters.Path -Filter '*.secret') {
        $name = $file.BaseName
        if ($name -notlike $Filter) { continue }
        if ($type) { $type::new($name, 'String', $VaultName) }
        else { [pscustomobject]@{ PSTypeName = 'Microsoft.PowerShell.SecretManagement.SecretInformation'; Name = $name; Type = 'String'; VaultName = $VaultName; Metadata = @{} } }
    }
}

function Test-SecretVault {
    param([string] $VaultName, [hashtable] $AdditionalParameters)
    Test-Path $AdditionalParameters.Path
}
