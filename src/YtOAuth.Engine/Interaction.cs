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

        /// <summary>
        /// Null when a person can answer a prompt, else why not (for a message). The same rule for every front end:
        /// a CI marker or a non-interactive process always means nobody is there; the rest are the facts only the
        /// front end knows (its switches, its host, which of its streams are redirected).
        /// </summary>
        public static string? WhyUnattended(InteractionFacts facts) => WhyUnattended(facts, Environment.GetEnvironmentVariables());

        /// <summary><see cref="WhyUnattended(InteractionFacts)"/> with the environment given.</summary>
        public static string? WhyUnattended(InteractionFacts facts, IDictionary environment)
        {
            var ci = CiMarker(environment);
            if (ci != null)
            {
                return "the " + ci + " environment variable marks a CI run";
            }

            if (!Environment.UserInteractive)
            {
                return "the process is not interactive";
            }

            if (facts.NonInteractiveSwitch != null)
            {
                return facts.NonInteractiveSwitch;
            }

            if (facts.InputRedirected)
            {
                return "standard input is redirected";
            }

            if (facts.OutputRedirected)
            {
                return "standard output is redirected";
            }

            return facts.NoUserInterface;
        }
    }
}
