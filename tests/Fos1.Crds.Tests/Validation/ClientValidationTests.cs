using Fos1.Crds.Dns;
using Fos1.Crds.Tests.Serialization;
using Fos1.Crds.Serialization;
using k8s;
using static Fos1.Crds.Tests.Validation.Errors;

namespace Fos1.Crds.Tests.Validation;

public sealed class ClientValidationTests
{
    private static readonly DnsClientSpec Valid = ResourceYaml.Read<DnsClient>(FullExamples.DnsClient).Spec!;
    private static readonly BlockSchedule Schedule = Valid.BlockedServices.Schedule!;

    private static DnsClientSpec WithSchedule(BlockSchedule schedule) => Valid with { BlockedServices = Valid.BlockedServices with { Schedule = schedule } };

    [Fact]
    public void The_full_example_is_valid() => Assert.Empty(ClientValidation.Validate(Valid));

    [Theory]
    [InlineData("192.168.1.50")]
    [InlineData("2001:db8::50")]
    [InlineData("192.168.2.0/24")]
    [InlineData("2001:db8::/64")]
    [InlineData("aa:bb:cc:dd:ee:ff")]
    [InlineData("AA-BB-CC-DD-EE-FF")]
    [InlineData("tablet-1")]
    public void Ips_cidrs_macs_and_client_ids_identify_a_client(string id) =>
        Assert.True(ClientValidation.IsClientIdentifier(id));

    [Theory]
    [InlineData("Tablet_1")]
    [InlineData("192.168.2.1/24")]
    [InlineData("192.168.1")]
    [InlineData("")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Other_ids_are_invalid(string id) =>
        Single(ClientValidation.Validate(Valid with { Ids = [id] }), "spec.ids[0]");

    [Fact]
    public void A_client_needs_an_id() =>
        Single(ClientValidation.Validate(Valid with { Ids = [] }), "spec.ids");

    [Fact]
    public void A_repeated_id_is_invalid() =>
        Single(ClientValidation.Validate(Valid with { Ids = ["tablet-1", "TABLET-1"] }), "spec.ids[1]");

    [Fact]
    public void Tags_services_upstreams_and_filter_lists_are_checked()
    {
        Single(ClientValidation.Validate(Valid with { Tags = ["Device Tablet"] }), "spec.tags[0]");
        Single(ClientValidation.Validate(Valid with { Upstreams = ["tls://dns.example", "8.8.8.8 1.1.1.1"] }), "spec.upstreams[1]");
        Single(ClientValidation.Validate(Valid with { BlockedServices = Valid.BlockedServices with { Ids = ["you tube"] } }), "spec.blockedServices.ids[0]");
        Single(ClientValidation.Validate(Valid with { FilterLists = ["Kids_List"] }), "spec.filterLists[0]");
    }

    [Theory]
    [InlineData("Local")]
    [InlineData("UTC")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("Etc/GMT+5")]
    public void Schedule_time_zones_are_local_or_iana_names(string zone) =>
        Assert.Empty(ClientValidation.Validate(WithSchedule(Schedule with { TimeZone = zone })));

    [Theory]
    [InlineData("Europe Berlin")]
    [InlineData("")]
    [InlineData("/etc/localtime")]
    public void Other_schedule_time_zones_are_invalid(string zone) =>
        Single(ClientValidation.Validate(WithSchedule(Schedule with { TimeZone = zone })), "spec.blockedServices.schedule.timeZone");

    [Theory]
    [InlineData("8am", "15:00", "spec.blockedServices.schedule.days.mon.start")]
    [InlineData("24:00", "24:00", "spec.blockedServices.schedule.days.mon.start")]
    [InlineData("08:00", "25:00", "spec.blockedServices.schedule.days.mon.end")]
    [InlineData("15:00", "08:00", "spec.blockedServices.schedule.days.mon")]
    [InlineData("08:00", "08:00", "spec.blockedServices.schedule.days.mon")]
    public void Day_windows_are_hh_mm_with_start_before_end(string start, string end, string path) =>
        Single(ClientValidation.Validate(WithSchedule(Schedule with { Days = new WeekDays { Mon = new TimeRange { Start = start, End = end } } })), path);
}
