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
    # Microsoft.PowerShell.SecretManagement is optional, so it is not a RequiredModule: -ContextScope Process keeps a
    # grant in session memory without it (CI, one-off scripts). To keep grants between sessions, install it with a vault:
    #   Install-PSResource Microsoft.PowerShell.SecretManagement, Microsoft.PowerShell.SecretStore
    # and register the vault as README.md shows (Get-Help about_YtOAuth).
    FormatsToProcess       = @('YtOAuth.format.ps1xml')
    CmdletsToExport        = @(
        'Add-YouTubePlaylistItem'
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
        'New-YouTubePlaylist'
        'Publish-YouTubeVideo'
        'Remove-YouTubePlaylist'
        'Remove-YouTubePlaylistItem'
        'Revoke-YouTubeToken'
        'Set-YouTubeContext'
        'Set-YouTubePlaylist'
        'Set-YouTubeThumbnail'
        'Set-YouTubeVideo'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('YouTube', 'YouTubeAnalytics', 'OAuth', 'OAuth2', 'PKCE', 'Google', 'Analytics', 'SecretManagement', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            # No ProjectUri, LicenseUri or HelpInfoURI until the project has public addresses; the MIT licence ships
            # in the package as LICENSE.
            ReleaseNotes = @'
0.1.0: first release.
- Sign in: Connect-YouTube (browser consent through a loopback redirect with PKCE S256, -NoBrowser, -UseDeviceCode,
  or a refresh token for CI), Disconnect-YouTube, Revoke-YouTubeToken; Get-YouTubeContext ("am I connected?")
  and Set-YouTubeContext (the session's current profile).
- Tokens: Get-YouTubeToken, refreshed when due, once across concurrent scripts; grants kept in a SecretManagement vault
  (optional: -ContextScope Process needs none).
- YouTube Data API v3: Get-YouTubePlaylist, Get-YouTubePlaylistItem, Get-YouTubeChannel, Get-YouTubeVideo, and
  Invoke-YouTubeApi for any other call; YouTube Analytics API v2: Get-YouTubeAnalytics.
- Uploads: Publish-YouTubeVideo (resumable: a re-run after a dropped network, Ctrl+C or a killed process continues
  from the bytes YouTube confirmed, never a second video; progress with rate and time left; -WhatIf), then its
  thumbnail and playlist; Set-YouTubeVideo and Set-YouTubeThumbnail for videos already up.
- Playlists: New-YouTubePlaylist, Set-YouTubePlaylist, Remove-YouTubePlaylist, Add-YouTubePlaylistItem and
  Remove-YouTubePlaylistItem, each taking the read cmdlets' objects from the pipeline; deletes confirm at High impact
  and refuse, rather than prompt, in an unattended session.
- Incremental consent: Connect-YouTube -Scopes Upload (or Manage) adds the scope to a profile's grant and keeps the
  ones it had; a command that lacks a scope names it.
'@
        }
    }
}
