@{
    RootModule        = 'Microsoft.PowerShell.SecretStore.Extension.psm1'
    ModuleVersion     = '1.0.6'
    GUID              = '9c1d2b3a-6e5f-4a7b-8c9d-0e1f2a3b4c5d'
    FunctionsToExport = @('Get-Secret', 'Set-Secret', 'Remove-Secret', 'Get-SecretInfo', 'Test-SecretVault')
}
