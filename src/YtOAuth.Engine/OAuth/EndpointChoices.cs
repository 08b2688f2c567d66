using System;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>Endpoints the user named: one each, or all under one base. Null: not named at this level.</summary>
    public sealed class EndpointChoices
    {
        /// <summary>Every endpoint under one host, laid out as Google's paths (the emulator, a test double).</summary>
        public Uri? Base { get; set; }
        /// <summary>Authorization endpoint.</summary>
        public Uri? Authorization { get; set; }
        /// <summary>Token endpoint.</summary>
        public Uri? Token { get; set; }
        /// <summary>Revocation endpoint.</summary>
        public Uri? Revocation { get; set; }
        /// <summary>Device authorization endpoint.</summary>
        public Uri? DeviceAuthorization { get; set; }
        /// <summary>YouTube Data API base.</summary>
        public Uri? YouTubeData { get; set; }
        /// <summary>YouTube Analytics API base.</summary>
        public Uri? Analytics { get; set; }

        /// <summary>All endpoints under <paramref name="baseUri"/>, else under YTOAUTH_ENDPOINT_BASE when set, else none named.</summary>
        public static EndpointChoices FromBase(string? baseUri)
        {
            var value = string.IsNullOrWhiteSpace(baseUri) ? Environment.GetEnvironmentVariable(GoogleEndpoints.BaseVariable) : baseUri;
            return new EndpointChoices { Base = string.IsNullOrWhiteSpace(value) ? null : Checked(value!, "endpoint base") };
        }

        /// <summary>
        /// The choices from a front end's endpoint flags, as typed: the base (or YTOAUTH_ENDPOINT_BASE), each
        /// endpoint, and the API base that names both YouTube APIs. Each is checked by <see cref="Checked"/>.
        /// </summary>
        public static EndpointChoices FromFlags(EndpointFlags flags)
        {
            var choices = FromBase(flags.Base);
            Uri? Flag(string? value, string name) => value == null ? null : Checked(value, flags.NameOf(name));
            var api = Flag(flags.ApiBase, EndpointFlags.ApiBaseName) is { } apiBase ? GoogleEndpoints.ForBaseUri(apiBase) : null;
            choices.Authorization = Flag(flags.Authorization, EndpointFlags.AuthorizationName);
            choices.Token = Flag(flags.Token, EndpointFlags.TokenName);
            choices.Revocation = Flag(flags.Revocation, EndpointFlags.RevocationName);
            choices.DeviceAuthorization = Flag(flags.DeviceAuthorization, EndpointFlags.DeviceAuthorizationName);
            choices.YouTubeData = api?.YouTubeData;
            choices.Analytics = api?.Analytics;
            return choices;
        }

        /// <summary>An absolute https URL, or http on this machine; anything else is refused with what to fix.</summary>
        public static Uri Checked(string value, string what)
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                throw new YtOAuthException(ErrorCode.InvalidArgument,
                    "The " + what + " '" + value + "' is not an https URL (or an http URL on this machine). Fix it, or leave it out to use Google's.", value);
            }

            return uri;
        }
    }
}
