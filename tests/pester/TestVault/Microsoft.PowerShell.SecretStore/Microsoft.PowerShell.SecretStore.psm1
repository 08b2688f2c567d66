# SecretStore's configuration commands for the test vault (see ../README.md).
. (Join-Path $PSScriptRoot 'Storage.ps1')

function Set-SecretStoreConfiguration {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param(
        [ValidateSet('CurrentUser', 'AllUsers')] [string] $Scope = 'CurrentUser',
        [ValidateSet('None', 'Password')] [string] $Authentication,
        [ValidateRange(-1, [int]::MaxValue)] [int] $PasswordTimeout = -2,
        [ValidateSet('None', 'Prompt')] [string] $Interaction,
        [securestring] $Password,
        [switch] $Default,
        [switch] $PassThru
    )
    if ($Scope -eq 'AllUsers') { throw [Management.Automation.PSNotSupportedException]::new('AllUsers scope is not supported. Only CurrentUser scope is supported.') }
    if (-not $PSCmdlet.ShouldProcess('SecretStore module local store', 'Changes local store configuration')) { return }
    Use-StoreLock {
        $config = Get-StoreConfiguration
        if (-not $config) {
            $config = @{ Authentication = 'Password'; Interaction = 'Prompt'; PasswordTimeout = 900; Salt = [guid]::NewGuid().ToString('N'); PasswordHash = $null }
            if (-not $Password) { throw [Management.Automation.PSInvalidOperationException]::new('A password is required to create the store. Provide it with -Password (this session cannot prompt).') }
            if ([Net.NetworkCredential]::new('', $Password).Password.Length -eq 0) { throw [ArgumentException]::new('The password cannot be empty.') }
            $config.PasswordHash = Get-PasswordHash $Password $config.Salt
        } elseif ($config.Authentication -eq 'Password' -and -not (Test-StoreUnlocked)) {
            if (-not $Password -or (Get-PasswordHash $Password $config.Salt) -ne $config.PasswordHash) { throw [Management.Automation.PSInvalidOperationException]::new($script:PasswordRequired) }
        }
        if ($Default) { $Authentication = 'Password'; $Interaction = 'Prompt'; $PasswordTimeout = 900 }
        if ($Authentication) { $config.Authentication = $Authentication }
        if ($Interaction) { $config.Interaction = $Interaction }
        if ($PasswordTimeout -ne -2) { $config.PasswordTimeout = $PasswordTimeout }
        Write-StoreFile 'config.json' $config
        if (-not (Test-Path (Join-Path (Get-StoreFolder) 'secrets.json'))) { Write-StoreFile 'secrets.json' @{} }
    }
    if ($PassThru) { Get-SecretStoreConfiguration }
}

function Get-SecretStoreConfiguration {
    [CmdletBinding()]
    param()
    $config = Get-StoreConfiguration
    if (-not $config) { throw [Management.Automation.PSInvalidOperationException]::new('The SecretStore has not been configured. Run Set-SecretStoreConfiguration.') }
    [pscustomobject]@{ Scope = 'CurrentUser'; Authentication = $config.Authentication; PasswordTimeout = $config.PasswordTimeout; Interaction = $config.Interaction }
}

function Unlock-SecretStore {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [securestring] $Password, [int] $PasswordTimeout)
    $config = Get-StoreConfiguration
    if (-not $config -or (Get-PasswordHash $Password $config.Salt) -ne $config.PasswordHash) { throw [Management.Automation.PSInvalidOperationException]::new('The provided password is incorrect for the Microsoft.PowerShell.SecretStore module vault.') }
    Set-StoreUnlocked $(if ($PSBoundParameters.ContainsKey('PasswordTimeout')) { $PasswordTimeout } else { $config.PasswordTimeout })
}

function Reset-SecretStore {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param([securestring] $Password, [ValidateSet('None', 'Password')] [string] $Authentication = 'Password', [ValidateSet('None', 'Prompt')] [string] $Interaction = 'Prompt', [int] $PasswordTimeout = 900)
    if (-not $PSCmdlet.ShouldProcess('SecretStore module local store', 'Delete all secrets and reset configuration')) { return }
    Remove-Item (Join-Path (Get-StoreFolder) '*.json') -Force -ErrorAction SilentlyContinue
    Set-SecretStoreConfiguration -Authentication $Authentication -Interaction $Interaction -PasswordTimeout $PasswordTimeout -Password $Password -Confirm:$false
}
