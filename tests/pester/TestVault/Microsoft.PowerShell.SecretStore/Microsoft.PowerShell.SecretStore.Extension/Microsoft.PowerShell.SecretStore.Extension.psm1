# The SecretManagement extension half of the test SecretStore: the five functions SecretManagement calls.
. (Join-Path $PSScriptRoot '..' 'Storage.ps1')

function ConvertTo-StoredSecret([object] $Secret) {
    switch ($Secret) {
        { $_ -is [string] } { return @{ Type = 'String'; Value = $Secret } }
        { $_ -is [securestring] } { return @{ Type = 'SecureString'; Value = [Net.NetworkCredential]::new('', $Secret).Password } }
        { $_ -is [byte[]] } { return @{ Type = 'ByteArray'; Value = [Convert]::ToBase64String($Secret) } }
        { $_ -is [pscredential] } { return @{ Type = 'PSCredential'; Value = @{ UserName = $Secret.UserName; Password = $Secret.GetNetworkCredential().Password } } }
        { $_ -is [hashtable] } { $copy = @{}; foreach ($k in $Secret.Keys) { $copy[$k] = [string]$Secret[$k] }; return @{ Type = 'Hashtable'; Value = $copy } }
    }
    throw [ArgumentException]::new("Secret type $($Secret.GetType().FullName) is not supported.")
}

function ConvertFrom-StoredSecret($Stored) {
    switch ($Stored.Type) {
        'String' { return [string]$Stored.Value }
        'SecureString' { return ConvertTo-SecureString ([string]$Stored.Value) -AsPlainText -Force }
        'ByteArray' { return , [Convert]::FromBase64String($Stored.Value) }
        'PSCredential' { return [pscredential]::new($Stored.Value.UserName, (ConvertTo-SecureString $Stored.Value.Password -AsPlainText -Force)) }
        'Hashtable' { return [hashtable]$Stored.Value }
    }
}

function Get-Secret {
    param([string] $Name, [string] $VaultName, [hashtable] $AdditionalParameters)
    Assert-StoreAccess
    $all = Read-Secrets
    if ($all.ContainsKey($Name)) { ConvertFrom-StoredSecret $all[$Name] }
}

function Set-Secret {
    param([string] $Name, [object] $Secret, [string] $VaultName, [hashtable] $AdditionalParameters, [hashtable] $Metadata)
    Assert-StoreAccess
    $stored = ConvertTo-StoredSecret $Secret
    Use-StoreLock { $all = Read-Secrets; $all[$Name] = $stored; Write-StoreFile 'secrets.json' $all }
    $true
}

function Remove-Secret {
    param([string] $Name, [string] $VaultName, [hashtable] $AdditionalParameters)
    Assert-StoreAccess
    Use-StoreLock {
        $all = Read-Secrets
        if (-not $all.ContainsKey($Name)) { throw [Management.Automation.ItemNotFoundException]::new("Unable to find secret $Name to remove from vault $VaultName.") }
        $all.Remove($Name)
        Write-StoreFile 'secrets.json' $all
    }
    $true
}

function Get-SecretInfo {
    param([string] $Filter, [string] $VaultName, [hashtable] $AdditionalParameters)
    Assert-StoreAccess
    $all = Read-Secrets
    foreach ($name in $all.Keys) {
        if ($name -like $Filter) {
            [pscustomobject]@{ PSTypeName = 'Microsoft.PowerShell.SecretManagement.SecretInformation'; Name = $name; Type = $all[$name].Type; VaultName = $VaultName; Metadata = @{} }
        }
    }
}

function Test-SecretVault {
    param([string] $VaultName, [hashtable] $AdditionalParameters)
    try { Assert-StoreAccess; $true } catch { Write-Error $_; $false }
}
