using System;
using System.Security.Cryptography;

namespace YtOAuth.Engine
{
    /// <summary>Base64url without padding (RFC 4648 section 5), as PKCE and OAuth state values are written.</summary>
    internal static class Base64Url
    {
        public static string Encode(byte[] bytes) =>
            Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        /// <summary><paramref name="byteCount"/> bytes from the system's cryptographic generator, encoded.</summary>
        public static string RandomToken(int byteCount)
        {
            var bytes = new byte[byteCount];
            using (var rng = RandomNumberGenerator.Create())
            {
                rng.GetBytes(bytes);
            }

            return Encode(bytes);
        }
    }
}
