using Fos1.Testbed.Dns;

namespace Fos1.Testbed.Tests.Dns;

public sealed class BindServerTests
{
    private static BindServerOptions HomeArpa(UpdateAuthorization authorization = UpdateAuthorization.AllowUpdate) => new()
    {
        Zones =
        [
            new BindZone("home.arpa", "printer 300 IN A 192.0.2.9\n"),
            new BindZone("2.0.192.in-addr.arpa"),
        ],
        Authorization = authorization,
    };

    [Fact]
    public async Task Every_zone_answers_SOA_once_started()
    {
        await using var bind = await BindServer.StartAsync(HomeArpa());

        Assert.Equal(
            ["ns.home.arpa. hostmaster.home.arpa. 1 3600 600 86400 300"],
            await Dig.QueryAsync(bind.Endpoint, "home.arpa", "SOA"));
        Assert.Equal(
            ["ns.2.0.192.in-addr.arpa. hostmaster.2.0.192.in-addr.arpa. 1 3600 600 86400 300"],
            await Dig.QueryAsync(bind.Endpoint, "2.0.192.in-addr.arpa", "SOA"));
    }

    [Fact]
    public async Task Static_records_are_served_and_unknown_names_are_NXDOMAIN()
    {
        await using var bind = await BindServer.StartAsync(HomeArpa());

        var printer = await Dig.QueryFullAsync(bind.Endpoint, "printer.home.arpa", "A");
        var missing = await Dig.QueryFullAsync(bind.Endpoint, "missing.home.arpa", "A");

        Assert.Equal([new DigRecord("printer.home.arpa.", 300, "IN", "A", "192.0.2.9")], printer.Answers);
        Assert.Equal("NXDOMAIN", missing.Status);
        Assert.Empty(missing.Answers);
    }

    [Theory]
    [InlineData(UpdateAuthorization.AllowUpdate)]
    [InlineData(UpdateAuthorization.UpdatePolicy)]
    public async Task A_TSIG_signed_nsupdate_with_the_server_key_is_applied(UpdateAuthorization authorization)
    {
        await using var bind = await BindServer.StartAsync(HomeArpa(authorization));

        var update = await Nsupdate.SendAsync(bind.Endpoint, bind.Key, "home.arpa", ["update add laptop.home.arpa. 120 A 192.0.2.50"]);

        Assert.True(update.ExitCode == 0, update.StandardError);
        Assert.Equal(["192.0.2.50"], await Dig.QueryAsync(bind.Endpoint, "laptop.home.arpa", "A"));
    }

    [Theory]
    [InlineData(UpdateAuthorization.AllowUpdate)]
    [InlineData(UpdateAuthorization.UpdatePolicy)]
    public async Task An_additional_key_with_another_algorithm_may_update_too(UpdateAuthorization authorization)
    {
        var sha512 = TsigKey.Generate("fos1-sha512", "hmac-sha512");
        await using var bind = await BindServer.StartAsync(HomeArpa(authorization) with { AdditionalKeys = [sha512] });

        var update = await Nsupdate.SendAsync(bind.Endpoint, sha512, "home.arpa", ["update add laptop.home.arpa. 120 A 192.0.2.50"]);

        Assert.True(update.ExitCode == 0, update.StandardError);
        Assert.Equal(["192.0.2.50"], await bind.QueryAsync("laptop.home.arpa", "A"));
    }

    [Fact]
    public async Task An_update_signed_with_another_key_is_refused()
    {
        await using var bind = await BindServer.StartAsync(HomeArpa());
        var stranger = TsigKey.Generate(bind.Key.Name);

        var update = await Nsupdate.SendAsync(bind.Endpoint, stranger, "home.arpa", ["update add laptop.home.arpa. 120 A 192.0.2.50"]);

        Assert.NotEqual(0, update.ExitCode);
        Assert.Empty(await Dig.QueryAsync(bind.Endpoint, "laptop.home.arpa", "A"));
    }

    [Fact]
    public async Task Stopping_and_starting_again_keeps_the_port_and_the_updated_data()
    {
        await using var bind = await BindServer.StartAsync(HomeArpa());
        var endpoint = bind.Endpoint;
        var update = await Nsupdate.SendAsync(bind.Endpoint, bind.Key, "home.arpa", ["update add laptop.home.arpa. 120 A 192.0.2.50"]);
        Assert.True(update.ExitCode == 0, update.StandardError);

        await bind.StopAsync();
        var whileDown = await Dig.QueryFullAsync(endpoint, "laptop.home.arpa", "A");
        await bind.StartAgainAsync();

        Assert.False(whileDown.Answered);
        Assert.Equal(endpoint, bind.Endpoint);
        Assert.Equal(["192.0.2.50"], await Dig.QueryAsync(bind.Endpoint, "laptop.home.arpa", "A"));
    }

    [Fact]
    public async Task Disposing_stops_named_and_deletes_its_directory()
    {
        var bind = await BindServer.StartAsync(HomeArpa());

        await bind.DisposeAsync();

        Assert.False(Directory.Exists(bind.Directory));
        Assert.False(bind.IsRunning);
        Assert.False((await Dig.QueryFullAsync(bind.Endpoint, "home.arpa", "SOA")).Answered);
    }
}
