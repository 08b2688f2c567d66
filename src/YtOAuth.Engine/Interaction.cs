using System;
using System.Collections;
using System.Linq;

namespace YtOAuth.Engine
{
    /// <summary>Decides up front whether a person can answer a consent prompt, so unattended runs fail fast instead of hanging.</summary>
    public static class Interaction
    {
        private static readonly string[] CiVariables =
        {
            "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "BUILDKITE", "TEAMCITY_VERSION", "APPVEYOR", "CODEBUILD_BUILD_ID", "BITBUCKET_BUILD_NUMBER",
        };

        /// <summary>The CI system variable that marks this environment as unattended, or null.</summary>
        public static string? CiMarker(IDictionary environment) =>
            CiVariables.FirstOrDefault(name => environment[name] is string value && value.Length > 0 && !value.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0");

        /// <summary>The CI marker of this process's environment, or null.</summary>
        public static string? CiMarker() => CiMarker(Environment.GetEnvironmentVariables());
    }
}
