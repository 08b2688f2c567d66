@{
    # A test double of SecretStore for machines that cannot reach the PowerShell Gallery (see ../README.md).
    RootModule        = 'Microsoft.PowerShell.SecretStore.psm1'
    ModuleVersion     = '1.0.6'
    GUID              = '4a7e1c52-2f0e-4b7d-8d2e-3c5b9c0d1e77'
    Author            = 'YtOAuth tests'
    Description       = 'YtOAuth test vault: a SecretStore-like file vault with its configuration, lock and unlock.'
    PowerShellVersion = '7.2'
    NestedModules     = @('Microsoft.PowerShell.SecretStore.Extension')
    FunctionsToExport = @('Set-SecretStoreConfiguration', 'Get-SecretStoreConfiguration', 'Unlock-SecretStore', 'Reset-SecretStore')
    CmdletsToExport   = @()
    AliasesToExport   = @()
    VariablesToExport = @()
    PrivateData       = @{ PSData = @{ Tags = @('SecretManagement', 'YtOAuthTestVault') } }
}
