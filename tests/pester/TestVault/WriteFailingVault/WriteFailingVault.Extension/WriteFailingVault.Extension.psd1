@{
    RootModule        = 'WriteFailingVault.Extension.psm1'
    ModuleVersion     = '1.0.0'
    GUID              = '7b3e9f1c-0a2d-4e6b-9c8f-1d2e3f4a5b6c'
    FunctionsToExport = @('Get-Secret', 'Set-Secret', 'Remove-Secret', 'Get-SecretInfo', 'Test-SecretVault')
}
