using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading.Tasks;
using YtOAuth.Engine;
using YtOAuth.Engine.OAuth;
using YtOAuth.Hosting;
using YtOAuth.Output;

namespace YtOAuth.Commands
{
    /// <summary>
    /// Signs in to YouTube: consent in a browser through a loopback redirect (PKCE S256, checked state), the
    /// device flow for machines without a browser, or a refresh token for unattended runs. Stores the grant.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "YouTube", DefaultParameterSetName = ClientSecretFileSet)]
    [OutputType(typeof(YouTubeContext))]
    public sealed class ConnectYouTubeCommand : YtOAuthCmdlet
    {
        /// <summary>Interactive, client from client_secret.json.</summary>
        public const string ClientSecretFileSet = "ClientSecretFile";
        /// <summary>Interactive, client id and secret given.</summary>
        public const string ClientIdSet = "ClientId";
        /// <summary>Unattended, client from client_secret.json.</summary>
        public const string RefreshTokenFileSet = "RefreshTokenFile";
        /// <summary>Unattended, client id and secret given.</summary>
        public const string RefreshTokenSet = "RefreshToken";

        /// <summary>Path of the client_secret.json of an OAuth client of type Desktop app.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ClientSecretFileSet)]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = RefreshTokenFileSet)]
        [ValidateNotNullOrEmpty]
        public string ClientSecretPath { get; set; } = string.Empty;

        /// <summary>OAuth client id.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ClientIdSet)]
        [Parameter(Mandatory = true, ParameterSetName = RefreshTokenSet)]
        [ValidateNotNullOrEmpty]
        public string ClientId { get; set; } = string.Empty;

        /// <summary>OAuth client secret.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ClientIdSet)]
        [Parameter(Mandatory = true, ParameterSetName = RefreshTokenSet)]
        public SecureString? ClientSecret { get; set; }

        /// <summary>A refresh token of a grant made with this client (unattended: no browser at all).</summary>
        [Parameter(Mandatory = true, ParameterSetName = RefreshTokenFileSet)]
        [Parameter(Mandatory = true, ParameterSetName = RefreshTokenSet)]
        public SecureString? RefreshToken { get; set; }

        /// <summary>Scopes: ReadOnly, Analytics, AnalyticsMonetary, Manage, ForceSsl, Upload, Partner, or scope URLs.</summary>
        [Parameter]
        [Alias("Scopes")]
        [ArgumentCompleter(typeof(ScopeCompleter))]
        [PSDefaultValue(Value = "ReadOnly, Analytics")]
        public string[]? Scope { get; set; }

        /// <summary>Process: memory for this session only. CurrentUser: the SecretManagement vault.</summary>
        [Parameter]
        [PSDefaultValue(Value = "CurrentUser")]
        public ContextScope ContextScope { get; set; } = ContextScope.CurrentUser;

        /// <summary>Print the sign-in URL instead of opening a browser.</summary>
        [Parameter(ParameterSetName = ClientSecretFileSet)]
        [Parameter(ParameterSetName = ClientIdSet)]
        public SwitchParameter NoBrowser { get; set; }

        /// <summary>Sign in with a code on another device (Google allows only ReadOnly and Manage here).</summary>
        [Parameter(ParameterSetName = ClientSecretFileSet)]
        [Parameter(ParameterSetName = ClientIdSet)]
        public SwitchParameter UseDeviceCode { get; set; }

        /// <summary>How long to wait for consent, in seconds.</summary>
        [Parameter(ParameterSetName = ClientSecretFileSet)]
        [Parameter(ParameterSetName = ClientIdSet)]
        [ValidateRange(10, 3600)]
        [PSDefaultValue(Value = "300")]
        public int TimeoutSec { get; set; } = 300;

        /// <summary>Email or account id to preselect on the consent page.</summary>
        [Parameter(ParameterSetName = ClientSecretFileSet)]
        [Parameter(ParameterSetName = ClientIdSet)]
        public string? LoginHint { get; set; }

        /// <summary>Ask for consent again even if the profile already holds a grant with these scopes.</summary>
        [Parameter(ParameterSetName = ClientSecretFileSet)]
        [Parameter(ParameterSetName = ClientIdSet)]
        public SwitchParameter Force { get; set; }

        /// <summary>Send every request to this base URL instead of Google (an emulator, a test double). Also YTOAUTH_ENDPOINT_BASE.</summary>
        [Parameter]
        [PSDefaultValue(Value = "$env:YTOAUTH_ENDPOINT_BASE, else Google")]
        public string? EndpointBaseUri { get; set; }

        /// <summary>The authorization endpoint, whatever the client registration or the server says.</summary>
        [Parameter]
        public Uri? AuthorizationEndpoint { get; set; }

        /// <summary>The token endpoint, whatever the client registration or the server says.</summary>
        [Parameter]
        public Uri? TokenEndpoint { get; set; }

        /// <summary>The revocation endpoint, whatever the client registration or the server says.</summary>
        [Parameter]
        public Uri? RevocationEndpoint { get; set; }

        /// <summary>The device authorization endpoint, whatever the server says.</summary>
        [Parameter]
        public Uri? DeviceAuthorizationEndpoint { get; set; }

        /// <summary>Where the YouTube APIs are, laid out as Google's paths (youtube/v3/, v2/).</summary>
        [Parameter]
        public Uri? ApiBaseUri { get; set; }

        /// <inheritdoc />
        protected override bool UsesCurrentProfile => false;

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            try
            {
                var endpoints = Choices();
                var secretPath = ClientSecretPath.Length > 0 ? GetUnresolvedProviderPathFromPSPath(ClientSecretPath) : null;
                var options = new ConnectOptions
                {
                    Profile = Profile,
                    Scopes = Scopes.Resolve(Scope),
                    LoginHint = LoginHint,
                    Force = Force,
                    Timeout = TimeSpan.FromSeconds(TimeoutSec),
                    OpenBrowser = !NoBrowser,
                    // The address a browser on another machine ended on can be pasted at the prompt.
                    ReadPastedAddress = NoBrowser ? ReadHostLineAsync : null,
                };
                var unattended = RefreshToken != null;
                var why = unattended ? null : Interactivity.WhyUnattended(Host);
                if (why != null)
                {
                    // Decided before anything starts: an unattended run never opens a browser or waits.
                    options.AllowInteraction = false;
                    WriteVerbose("Unattended session: " + why + ".");
                }

                // The client first, inside pumped work so that its warnings (a "web" client, say) reach the user: a
                // missing or wrong client_secret.json is the user's first mistake to hear about, before any vault trouble.
                var client = Run(_ => Task.FromResult(
                    secretPath != null ? ClientSecretFile.Load(secretPath, endpoints) : new OAuthClient(ClientId, Plain(ClientSecret), endpoints)));
                var (engine, vault) = ModuleState.ForConnect(ContextScope, Vault);
                var result = Run(token =>
                {
                    return unattended ? engine.ConnectWithRefreshTokenAsync(client, Plain(RefreshToken), options, token)
                        : UseDeviceCode ? engine.ConnectWithDeviceCodeAsync(client, options, token)
                        : engine.ConnectAsync(client, options, token);
                });
                if (!result.Connected)
                {
                    Fail(new YtOAuthException(ErrorCode.ConsentDenied,
                        "Consent was declined (" + result.DeclinedReason + "), so nothing was stored. Run Connect-YouTube again and choose Allow, or check that the account may use this app.",
                        Profile));
                }

                ModuleState.Connected(Profile, ContextScope);
                ModuleState.MakeCurrent(Profile, ContextScope == ContextScope.Process ? null : Vault);
                WriteObject(new YouTubeContext(result.Profile!, ContextScope, vault, System.Linq.Enumerable.ToArray(result.MissingScopes)));
            }
            catch (YtOAuthException e)
            {
                Fail(e);
            }
        }

        /// <summary>The endpoints named on the command line (or YTOAUTH_ENDPOINT_BASE); the engine decides the rest.</summary>
        private EndpointChoices Choices() => EndpointChoices.FromFlags(new EndpointFlags
        {
            Base = EndpointBaseUri,
            Authorization = AuthorizationEndpoint?.OriginalString,
            Token = TokenEndpoint?.OriginalString,
            Revocation = RevocationEndpoint?.OriginalString,
            DeviceAuthorization = DeviceAuthorizationEndpoint?.OriginalString,
            ApiBase = ApiBaseUri?.OriginalString,
        });

        private static string Plain(SecureString? value) => value == null ? string.Empty : new NetworkCredential(string.Empty, value).Password;
    }
}
