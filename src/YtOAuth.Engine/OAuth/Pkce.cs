using System.Security.Cryptography;
using System.Text;

namespace YtOAuth.Engine.OAuth
{
    /// <summary>A PKCE pair (RFC 7636), S256 only: there is no fallback to "plain".</summary>
    internal sealed class Pkce
    {
        private Pkce(string verifier, string challenge)
        {
            Verifier = verifier;
            Challenge = challenge;
        }

        /// <summary>The only method we send.</summary>
        public const string Method = "S256";

        /// <summary>The secret verifier: 86 characters of [A-Za-z0-9-_] (within RFC 7636's 43-128).</summary>
        public string Verifier { get; }

        /// <summary>BASE64URL(SHA256(verifier)).</summary>
        public string Challenge { get; }

        /// <summary>A fresh pair; call once per consent attempt.</summary>
        public static Pkce Create()
        {
            var verifier = Base64Url.RandomToken(64);
            Diagnostics.Redactor.Register(verifier);
            return new Pkce(verifier, ChallengeFor(verifier));
        }

        /// <summary>The S256 challenge of a verifier.</summary>
        public static string ChallengeFor(string verifier)
        {
            using (var sha = SHA256.Create())
            {
                return Base64Url.Encode(sha.ComputeHash(Encoding.ASCII.GetBytes(verifier)));
            }
        }

        /// <inheritdoc />
        public override string ToString() => "PKCE S256";
    }
}
