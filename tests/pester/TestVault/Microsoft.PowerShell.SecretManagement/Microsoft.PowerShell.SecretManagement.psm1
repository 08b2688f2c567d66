# SecretManagement's documented commands over extension vaults, for the test vault (see ../README.md). The vault
# registry is a JSON file in the home folder; each vault is a module whose '<Name>.Extension' submodule exports
# Get-Secret, Set-Secret, Remove-Secret, Get-SecretInfo and Test-SecretVault, called with -VaultName and
# -AdditionalParameters as SecretManagement calls them.
Set-StrictMode -Version Latest

$script:Extensions = @{}

function Get-RegistryPath { Join-Path $HOME '.secretmgmt-testvault' 'vaults.json' }

function Read-Registry {
    $path = Get-RegistryPath
    if (-not (Test-Path $path)) { return [pscustomobject]@{ DefaultVault = $null; Vaults = [ordered]@{} } }
    $data = Get-Content $path -Raw | ConvertFrom-Json -AsHashtable
    $vaults = [ordered]@{}
    foreach ($name in $data.Vaults.Keys) { $vaults[$name] = $data.Vaults[$name] }
    [pscustomobject]@{ DefaultVault = $data.DefaultVault; Vaults = $vaults }
}

function Write-Registry($Registry) {
    $path = Get-RegistryPath
    $folder = Split-Path $path
    if (-not (Test-Path $folder)) { New-Item -ItemType Directory $folder | Out-Null; if (-not $IsWindows) { chmod 700 $folder } }
    $temp = "$path.$PID.tmp"
    @{ DefaultVault = $Registry.DefaultVault; Vaults = $Registry.Vaults } | ConvertTo-Json -Depth 5 | Set-Content $temp
    [IO.File]::Move($temp, $path, $true)
}

function Find-Vault([string] $Name) {
    $registry = Read-Registry
    foreach ($key in $registry.Vaults.Keys) { if ($key -eq $Name) { return @{ Name = $key; Info = $registry.Vaults[$key] } } }
    throw [Management.Automation.ItemNotFoundException]::new("Vault $Name does not exist in registry.")
}

function Get-DefaultVaultName { (Read-Registry).DefaultVault }

function Invoke-Extension([string] $VaultName, [string] $Command, [hashtable] $Arguments) {
    $vault = Find-Vault $VaultName
    $path = Join-Path $vault.Info.ModulePath "$($vault.Info.ModuleName).Extension"
    if (-not $script:Extensions.ContainsKey($path)) { $script:Extensions[$path] = Import-Module $path -PassThru -ErrorAction Stop }
    $Arguments.VaultName = $vault.Name
    $Arguments.AdditionalParameters = [hashtable]$vault.Info.VaultParameters
    & $script:Extensions[$path].ExportedCommands[$Command] @Arguments
}

function Register-SecretVault {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0)] [ValidateNotNullOrEmpty()] [string] $Name,
        [Parameter(Mandatory, Position = 1)] [ValidateNotNullOrEmpty()] [string] $ModuleName,
        [hashtable] $VaultParameters = @{},
        [switch] $DefaultVault,
        [switch] $AllowClobber,
        [string] $Description,
        [switch] $PassThru
    )
    $registry = Read-Registry
    if ($registry.Vaults.Contains($Name) -and -not $AllowClobber) {
        throw [InvalidOperationException]::new('Provided Name for vault is already being used.')
    }
    $module = if (Test-Path $ModuleName) { Import-Module (Resolve-Path $ModuleName).Path -PassThru -ErrorAction Stop }
              else { Get-Module -ListAvailable $ModuleName | Sort-Object Version -Descending | Select-Object -First 1 }
    if (-not $module) { throw [Management.Automation.PSInvalidOperationException]::new("Could not load and retrieve module information for module: $ModuleName.") }
    $extension = Join-Path $module.ModuleBase "$($module.Name).Extension"
    $exported = (Import-Module $extension -PassThru -ErrorAction Stop).ExportedCommands.Keys
    foreach ($required in 'Get-Secret', 'Set-Secret', 'Remove-Secret', 'Get-SecretInfo', 'Test-SecretVault') {
        if ($required -notin $exported) { throw [Management.Automation.PSInvalidOperationException]::new("Could not find a SecretManagement extension implementing script module: $required is missing.") }
    }
    if (-not $PSCmdlet.ShouldProcess($Name, 'Register')) { return }
    $registry.Vaults[$Name] = @{ ModuleName = $module.Name; ModulePath = $module.ModuleBase; Description = $Description; VaultParameters = $VaultParameters }
    if ($DefaultVault -or -not $registry.DefaultVault) { $registry.DefaultVault = $Name }
    Write-Registry $registry
    if ($PassThru) { Get-SecretVault -Name $Name }
}

function Unregister-SecretVault {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)] [string] $Name)
    process {
        $registry = Read-Registry
        if (-not $registry.Vaults.Contains($Name)) { Write-Error -Exception ([Management.Automation.ItemNotFoundException]::new("Vault $Name does not exist in registry.")) -ErrorId UnregisterSecretVaultObjectNotFound; return }
        if (-not $PSCmdlet.ShouldProcess($Name, 'Unregister')) { return }
        $registry.Vaults.Remove($Name)
        if ($registry.DefaultVault -eq $Name) { $registry.DefaultVault = $null }
        Write-Registry $registry
    }
}

function Get-SecretVault {
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string[]] $Name = '*')
    $registry = Read-Registry
    foreach ($key in $registry.Vaults.Keys) {
        if (-not ($Name | Where-Object { $key -like $_ })) { continue }
        $info = $registry.Vaults[$key]
        [pscustomobject]@{
            PSTypeName      = 'Microsoft.PowerShell.SecretManagement.SecretVaultInfo'
            Name            = $key
            ModuleName      = $info.ModuleName
            ModulePath      = $info.ModulePath
            Description     = $info.Description
            VaultParameters = $info.VaultParameters
            IsDefault       = $key -eq $registry.DefaultVault
        }
    }
}

function Test-SecretVault {
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string] $Name)
    $names = if ($Name) { @($Name) } else { (Read-Registry).Vaults.Keys }
    foreach ($vault in $names) { [bool](Invoke-Extension $vault 'Test-SecretVault' @{}) }
}

function Set-Secret {
    [CmdletBinding(DefaultParameterSetName = 'SecureString')]
    param(
        [Parameter(Mandatory, Position = 0)] [ValidateNotNullOrEmpty()] [string] $Name,
        [Parameter(Mandatory, Position = 1, ValueFromPipeline, ParameterSetName = 'Object')] [object] $Secret,
        [Parameter(Mandatory, Position = 1, ValueFromPipeline, ParameterSetName = 'SecureString')] [securestring] $SecureStringSecret,
        [Parameter(Position = 2)] [string] $Vault,
        [hashtable] $Metadata,
        [switch] $NoClobber
    )
    end {
        $value = if ($PSCmdlet.ParameterSetName -eq 'SecureString') { $SecureStringSecret } elseif ($Secret -is [psobject]) { $Secret.PSObject.BaseObject } else { $Secret }
        if (-not $Vault) { $Vault = Get-DefaultVaultName }
        if (-not $Vault) {
            $PSCmdlet.ThrowTerminatingError([Management.Automation.ErrorRecord]::new(
                [Management.Automation.PSInvalidOperationException]::new('Unable to set secret because no vault was provided and there is no default vault designated.'),
                'SetSecretFailNoVault', 'InvalidOperation', $Name))
        }
        if ($NoClobber -and $null -ne (Invoke-Extension $Vault 'Get-Secret' @{ Name = $Name })) {
            $PSCmdlet.ThrowTerminatingError([Management.Automation.ErrorRecord]::new(
                [Management.Automation.PSInvalidOperationException]::new("A secret with name $Name already exists in vault $Vault."), 'AddSecretAlreadyExists', 'ResourceExists', $Name))
        }
        try {
            Invoke-Extension $Vault 'Set-Secret' @{ Name = $Name; Secret = $value } | Out-Null
        } catch {
            $PSCmdlet.ThrowTerminatingError([Management.Automation.ErrorRecord]::new($_.Exception, 'SetSecretException', 'InvalidOperation', $Name))
        }
    }
}

function ConvertTo-Returned([object] $Value, [bool] $AsPlainText) {
    if ($Value -is [string] -and -not $AsPlainText) { return ConvertTo-SecureString $Value -AsPlainText -Force }
    if ($Value -is [securestring] -and $AsPlainText) { return [Net.NetworkCredential]::new('', $Value).Password }
    $Value
}

function Get-Secret {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline, ValueFromPipelineByPropertyName)] [string] $Name,
        [Parameter(Position = 1)] [string] $Vault,
        [switch] $AsPlainText
    )
    process {
        # The named vault, else the default one first and then the others, as SecretManagement searches.
        $registry = Read-Registry
        $vaults = if ($Vault) { @($Vault) } else { @($registry.DefaultVault) + @($registry.Vaults.Keys | Where-Object { $_ -ne $registry.DefaultVault }) | Where-Object { $_ } }
        foreach ($candidate in $vaults) {
            try {
                $value = Invoke-Extension $candidate 'Get-Secret' @{ Name = $Name }
            } catch {
                Write-Error -Exception $_.Exception -ErrorId GetSecretException -Category InvalidOperation
                return
            }
            if ($null -ne $value) {
                if ($value -is [hashtable]) { $copy = @{}; foreach ($k in $value.Keys) { $copy[$k] = ConvertTo-Returned $value[$k] $AsPlainText }; return $copy }
                return ConvertTo-Returned $value $AsPlainText
            }
        }
        Write-Error -Exception ([Management.Automation.ItemNotFoundException]::new("The secret $Name was not found.")) -ErrorId GetSecretNotFound -Category ObjectNotFound
    }
}

function Get-SecretInfo {
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string] $Name = '*', [Parameter(Position = 1)] [string] $Vault)
    $vaults = if ($Vault) { @($Vault) } else { @((Read-Registry).Vaults.Keys) }
    foreach ($candidate in $vaults) {
        try {
            Invoke-Extension $candidate 'Get-SecretInfo' @{ Filter = $Name } | Sort-Object Name
        } catch {
            Write-Error -Exception $_.Exception -ErrorId GetSecretInfoException -Category InvalidOperation
        }
    }
}

function Remove-Secret {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipelineByPropertyName)] [ValidateNotNullOrEmpty()] [string] $Name,
        [Parameter(Mandatory, Position = 1)] [ValidateNotNullOrEmpty()] [string] $Vault
    )
    process {
        try {
            Invoke-Extension $Vault 'Remove-Secret' @{ Name = $Name } | Out-Null
        } catch {
            Write-Error -Exception $_.Exception -ErrorId RemoveSecretException -Category InvalidOperation
        }
    }
}
