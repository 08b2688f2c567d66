namespace YtOAuth.Engine.OAuth.Consent
{
    /// <summary>What a consent flow ends with: a grant and the scopes granted, or the reason the user declined.</summary>
    internal sealed class ConsentOutcome
    {
        private ConsentOutcome(TokenGrant? grant, string[] granted, string? declined)
        {
            Grant = grant;
            Granted = granted;
            Declined = declined;
        }

        public TokenGrant? Grant { get; }

        public string[] Granted { get; }

        public string? Declined { get; }

        public static ConsentOutcome Granting(TokenGrant grant, string[] granted) => new ConsentOutcome(grant, granted, null);

        public static ConsentOutcome Refused(string reason) => new ConsentOutcome(null, new string[0], reason);
    }
}
