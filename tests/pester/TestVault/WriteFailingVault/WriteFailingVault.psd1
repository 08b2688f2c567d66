@{
    # An extension vault for tests: a folder of secret files (VaultParameters.Path) whose writes fail while the folder
    # holds a file named 'fail-writes' (a full disk, a vault gone read-only). Works under the real SecretManagement too.
    ModuleVersion     = '1.0.0'
    GUID              = '2d6f0a8e-51c4-4f1a-b7e2-8a9c3d4e5f60'
    Author            = 'YtOAuth tests'
    Description       = 'YtOAuth tests: a SecretManagement extension vault whose writes can be made to fail.'
    NestedModules     = @('WriteFailingVault.Extension')
    FunctionsToExport = @()
    CmdletsToExport   = @()
}
