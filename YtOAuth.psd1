@{
    RootModule             = 'YtOAuth.dll'
    # Stamped from Directory.Build.props <Version> when the module folder is laid out.
    ModuleVersion          = '0.1.0'
    GUID                   = '5b7e8c1e-3f7a-4f57-9a64-2f1d8f0c7a31'
    Author                 = 'YtOAuth contributors'
    CompanyName            = 'YtOAuth'
    Copyright              = '(c) YtOAuth contributors. MIT License.'
    Description            = 'YouTube Data API v3 and YouTube Analytics API v2 from PowerShell under OAuth 2.0: loopback consent with PKCE, device and refresh-token sign-in, tokens kept in a SecretManagement vault and refreshed safely across processes.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    # Dependencies load from dependencies/ through the module's own load context, not RequiredAssemblies.
    # SecretManagement is optional (ContextScope Process works without it), so it is not a RequiredModule.
    FormatsToProcess       = @('YtOAuth.format.ps1xml')
    CmdletsToExport        = @(
        'Connect-YouTube'
        'Disconnect-YouTube'
        'Get-YouTubeAnalytics'
        'Get-YouTubeChannel'
        'Get-YouTubeContext'
        'Get-YouTubePlaylist'
        'Get-YouTubePlaylistItem'
        'Get-YouTubeToken'
        'Get-YouTubeVideo'
        'Invoke-YouTubeApi'
        'Revoke-YouTubeToken'
        'Set-YouTubeContext'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('YouTube', 'OAuth', 'OAuth2', 'PKCE', 'Google', 'Analytics', 'SecretManagement', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/YtOAuth/YtOAuth'
            LicenseUri   = 'https://github.com/YtOAuth/YtOAuth/blob/main/LICENSE'
            ReleaseNotes = 'First release: Connect-YouTube (loopback PKCE, device code, refresh token), Get-YouTubeToken, Get-YouTubePlaylist, Get-YouTubeAnalytics, Revoke-YouTubeToken, Get-YouTubeContext, Disconnect-YouTube.'
        }
    }
}
