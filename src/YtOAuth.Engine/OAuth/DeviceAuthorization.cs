using System;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>A started device authorization (RFC 8628 in Google's dialect).</summary>
    public sealed class DeviceAuthorization
    {
        internal DeviceAuthorization(string deviceCode, string userCode, Uri verificationUrl, TimeSpan expiresIn, TimeSpan interval)
        {
            DeviceCode = deviceCode;
            UserCode = userCode;
            VerificationUrl = verificationUrl;
            ExpiresIn = expiresIn;
            Interval = interval;
        }

        internal string DeviceCode { get; }

        /// <summary>The code the user types at <see cref="VerificationUrl"/>.</summary>
        public string UserCode { get; }

        /// <summary>Where the user goes (Google spells the field verification_url).</summary>
        public Uri VerificationUrl { get; }

        /// <summary>How long the codes live.</summary>
        public TimeSpan ExpiresIn { get; }

        /// <summary>Polling interval.</summary>
        public TimeSpan Interval { get; }
    }
}
