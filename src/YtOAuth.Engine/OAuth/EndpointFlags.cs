using System;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>The endpoint flags of a front end as the user typed them (null: not given); <see cref="EndpointChoices.FromFlags"/> turns them into choices.</summary>
    public sealed class EndpointFlags
    {
        /// <summary>The name <see cref="NameOf"/> is asked for when the authorization endpoint is not a usable URL.</summary>
        public const string AuthorizationName = "authorization endpoint";
        /// <summary>The token endpoint's name.</summary>
        public const string TokenName = "token endpoint";
        /// <summary>The revocation endpoint's name.</summary>
        public const string RevocationName = "revocation endpoint";
        /// <summary>The device authorization endpoint's name.</summary>
        public const string DeviceAuthorizationName = "device authorization endpoint";
        /// <summary>The API base's name.</summary>
        public const string ApiBaseName = "API base";

        /// <summary>Every endpoint under one host (-EndpointBaseUri, --endpoint-base); null falls back to YTOAUTH_ENDPOINT_BASE.</summary>
        public string? Base { get; set; }
        /// <summary>The authorization endpoint.</summary>
        public string? Authorization { get; set; }
        /// <summary>The token endpoint.</summary>
        public string? Token { get; set; }
        /// <summary>The revocation endpoint.</summary>
        public string? Revocation { get; set; }
        /// <summary>The device authorization endpoint.</summary>
        public string? DeviceAuthorization { get; set; }
        /// <summary>Where both YouTube APIs are, laid out as Google's paths (youtube/v3/, v2/).</summary>
        public string? ApiBase { get; set; }

        /// <summary>How the front end names a flag in an error (given one of the *Name constants); by default the plain name.</summary>
        public Func<string, string> NameOf { get; set; } = name => name;
    }
}
