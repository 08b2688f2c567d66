# The store both halves of the test SecretStore share: a configuration file and a secrets file under the home folder
# (0700 folder, 0600 files), changed under a lock file and replaced whole, so that concurrent processes never read a
# half-written file. The unlocked state is per process, as SecretStore's is: kept in the AppDomain, which every
# runspace of the process shares.
Set-StrictMode -Version Latest

$script:PasswordRequired = "A valid password is required to access the Microsoft.PowerShell.SecretStore vault.`nUse the Unlock-SecretStore cmdlet to provide the required password to access the store."
$script:UnlockedKey = 'YtOAuth.TestVault.SecretStore.UnlockedUntil'

function Get-StoreFolder {
    $folder = Join-Path $HOME '.secretmgmt-testvault' 'secretstore'
    if (-not (Test-Path $folder)) {
        New-Item -ItemType Directory -Force $folder | Out-Null
        if (-not $IsWindows) { chmod 700 (Split-Path $folder); chmod 700 $folder }
    }
    $folder
}

function Read-StoreFile([string] $Name) {
    $path = Join-Path (Get-StoreFolder) $Name
    if (Test-Path $path) { Get-Content $path -Raw | ConvertFrom-Json -AsHashtable } else { $null }
}

function Write-StoreFile([string] $Name, $Value) {
    $path = Join-Path (Get-StoreFolder) $Name
    $temp = "$path.$PID.$([guid]::NewGuid().ToString('N')).tmp"
    ConvertTo-Json $Value -Depth 5 | Set-Content $temp
    if (-not $IsWindows) { chmod 600 $temp }
    [IO.File]::Move($temp, $path, $true)
}

function Use-StoreLock([scriptblock] $Action) {
    $path = Join-Path (Get-StoreFolder) 'store.lock'
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ($true) {
        try { $lock = [IO.File]::Open($path, 'OpenOrCreate', 'ReadWrite', 'None'); break }
        catch [IO.IOException] { if ([DateTime]::UtcNow -gt $deadline) { throw }; Start-Sleep -Milliseconds 20 }
    }
    try { & $Action } finally { $lock.Dispose() }
}

function Get-StoreConfiguration { Read-StoreFile 'config.json' }

function Get-PasswordHash([securestring] $Password, [string] $Salt) {
    $plain = [Net.NetworkCredential]::new('', $Password).Password
    [Convert]::ToBase64String([Security.Cryptography.SHA256]::HashData([Text.Encoding]::UTF8.GetBytes("$Salt|$plain")))
}

function Test-StoreUnlocked {
    $until = [AppDomain]::CurrentDomain.GetData($script:UnlockedKey)
    $null -ne $until -and [DateTime]::UtcNow -lt [DateTime]$until
}

function Set-StoreUnlocked([int] $Seconds) {
    [AppDomain]::CurrentDomain.SetData($script:UnlockedKey, [DateTime]::UtcNow.AddSeconds($(if ($Seconds -lt 0) { 1e9 } else { $Seconds })))
}

function Assert-StoreAccess {
    # What SecretStore does before any read or write: a store that wants a password is refused until this process
    # unlocks it; one set to prompt cannot, as no host is there to answer.
    $config = Get-StoreConfiguration
    if (-not $config) {
        throw [Management.Automation.PSInvalidOperationException]::new('Creating a new Microsoft.PowerShell.SecretStore vault. A password is required by the current store configuration, and no prompt can be shown here. Run Set-SecretStoreConfiguration first.')
    }
    if ($config.Authentication -eq 'Password' -and -not (Test-StoreUnlocked)) {
        if ($config.Interaction -eq 'Prompt') {
            throw [Management.Automation.PSInvalidOperationException]::new("The Microsoft.PowerShell.SecretStore vault is locked and this session cannot prompt for its password. $script:PasswordRequired")
        }
        throw [Management.Automation.PSInvalidOperationException]::new($script:PasswordRequired)
    }
}

function Read-Secrets { $all = Read-StoreFile 'secrets.json'; if ($all) { $all } else { @{} } }
