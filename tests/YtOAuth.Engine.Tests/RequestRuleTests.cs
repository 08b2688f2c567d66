using System;
using System.Collections;
using YtOAuth.Engine.OAuth;
using Xunit;

namespace YtOAuth.Engine.Tests;

/// <summary>The request rules every front end calls: comma lists, endpoint flags, whether anyone can answer a prompt.</summary>
public class RequestRuleTests
{
    [Fact]
    public void A_comma_list_splits_trims_and_drops_empty_entries_in_order()
    {
        Assert.Equal(new[] { "views", "likes", "day", "-views" }, CommaList.Split(new[] { "views, likes,", " day ", "", "-views" }));
        Assert.Empty(CommaList.Split(null));
    }

    [Fact]
    public void Endpoint_flags_name_each_endpoint_and_the_api_base_names_both_apis()
    {
        var choices = EndpointChoices.FromFlags(new EndpointFlags
        {
            Base = "http://127.0.0.1:5000/",
            Token = "https://tokens.example.com/token",
            ApiBase = "http://127.0.0.1:6000/",
        });

        Assert.Equal(new Uri("http://127.0.0.1:5000/"), choices.Base);
        Assert.Equal(new Uri("https://tokens.example.com/token"), choices.Token);
        Assert.Null(choices.Authorization);
        Assert.StartsWith("http://127.0.0.1:6000/", choices.YouTubeData!.ToString());
        Assert.StartsWith("http://127.0.0.1:6000/", choices.Analytics!.ToString());
    }

    [Fact]
    public void An_endpoint_flag_that_is_not_https_is_refused_under_the_front_ends_name()
    {
        var flags = new EndpointFlags { Base = "http://127.0.0.1:5000/", DeviceAuthorization = "http://example.com/device", NameOf = name => "--" + name.Replace(' ', '-') };

        var e = Assert.Throws<YtOAuthException>(() => EndpointChoices.FromFlags(flags));

        Assert.Equal(ErrorCode.InvalidArgument, e.Code);
        Assert.Contains("--device-authorization-endpoint 'http://example.com/device' is not an https URL", e.Message);
    }

    [Fact]
    public void A_ci_marker_means_nobody_answers_whatever_the_front_end_says()
    {
        var why = Interaction.WhyUnattended(new InteractionFacts(), new Hashtable { ["GITHUB_ACTIONS"] = "true" });

        Assert.Equal("the GITHUB_ACTIONS environment variable marks a CI run", why);
        Assert.Null(Interaction.WhyUnattended(new InteractionFacts(), new Hashtable { ["CI"] = "false" }));
    }

    [Fact]
    public void The_front_ends_facts_decide_in_order_switch_input_output_user_interface()
    {
        var none = new Hashtable();

        Assert.Equal("-NonInteractive", Interaction.WhyUnattended(new InteractionFacts { NonInteractiveSwitch = "-NonInteractive", InputRedirected = true }, none));
        Assert.Equal("standard input is redirected", Interaction.WhyUnattended(new InteractionFacts { InputRedirected = true, OutputRedirected = true }, none));
        Assert.Equal("standard output is redirected", Interaction.WhyUnattended(new InteractionFacts { OutputRedirected = true, NoUserInterface = "no UI" }, none));
        Assert.Equal("no UI", Interaction.WhyUnattended(new InteractionFacts { NoUserInterface = "no UI" }, none));
        Assert.Null(Interaction.WhyUnattended(new InteractionFacts(), none));
    }
}
