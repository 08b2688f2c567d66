namespace YtOAuth.Engine.OAuth.Consent
{
    /// <summary>What a consent flow ends with: a grant and the scopes granted, or the reason the user declined.</summary>
    internal sealed class ConsentOutcome
    {
        private ConsentOutcome(TokenGrant? grant, string[] granted, string? declined, bool issuedByConsent)
        {
            Grant = grant;
            Granted = granted;
            Declined = declined;
            IssuedByConsent = issuedByConsent;
        }

        public TokenGrant? Grant { get; }

        public string[] Granted { get; }

        public string? Declined { get; }

        /// <summary>True when this sign-in made the grant (so nobody else holds it); false for a refresh token the caller brought.</summary>
        public bool IssuedByConsent { get; }

        public static ConsentOutcome Granting(TokenGrant grant, string[] granted) => new ConsentOutcome(grant, granted, null, true);

        public static ConsentOutcome Brought(TokenGrant grant, string[] granted) => new ConsentOutcome(grant, granted, null, false);

        public static ConsentOutcome Refused(string reason) => new ConsentOutcome(null, new string[0], reason, false);
    }
}
