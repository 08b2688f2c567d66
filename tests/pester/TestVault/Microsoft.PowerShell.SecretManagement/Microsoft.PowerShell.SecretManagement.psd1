@{
    # A test double of SecretManagement for machines that cannot reach the PowerShell Gallery (see ../README.md).
    RootModule        = 'Microsoft.PowerShell.SecretManagement.psm1'
    ModuleVersion     = '1.1.2'
    GUID              = '0f8e3a3c-7e0b-4b3c-9a41-6f1f4f6e2a10'
    Author            = 'YtOAuth tests'
    Description       = 'YtOAuth test vault: the SecretManagement commands YtOAuth and its tests call, over extension vault modules.'
    PowerShellVersion = '7.2'
    FunctionsToExport = @('Register-SecretVault', 'Unregister-SecretVault', 'Get-SecretVault', 'Set-Secret', 'Get-Secret',
                          'Get-SecretInfo', 'Remove-Secret', 'Test-SecretVault')
    CmdletsToExport   = @()
    AliasesToExport   = @()
    VariablesToExport = @()
    PrivateData       = @{ PSData = @{ Tags = @('YtOAuthTestVault') } }
}
