using Contracts.Clients;
using Contracts.Emulator.Dialects;
using Contracts.Emulator.Hosting;
using Contracts.Emulator.Pipeline;
using Contracts.Emulator.Rendering;
using Contracts.Emulator.State;

namespace Contracts.Emulator.Tests;

/// <summary>The emulator takes its dialects from <see cref="DialectCatalog"/>: it serves exactly each descriptor's
/// operations under the descriptor's path prefix, and every status word it sends is one the descriptor's tables know,
/// with the meaning of the state it reports.</summary>
public sealed class DialectDescriptorTests
{
    [Fact]
    public void The_emulator_serves_exactly_each_descriptors_operations_under_its_path_prefix()
    {
        var served = EmulatorApplication.Operations().ToList();

        Assert.Equal(DialectCatalog.All.OrderBy(d => d.Name), served.Select(o => o.Dialect).Distinct().OrderBy(d => d.Name));
        foreach (var dialect in DialectCatalog.All)
        {
            var operations = served.Where(o => o.Dialect == dialect).ToList();
            Assert.Equal(dialect.Operations.Order(StringComparer.Ordinal), operations.Select(o => o.OperationId).Order(StringComparer.Ordinal));
            Assert.All(operations, o => Assert.StartsWith(dialect.DefaultPathPrefix + "/", o.Route, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_operation_the_dialect_does_not_have_is_refused_when_the_routes_are_built()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            OperationDescriptor.Of(DialectCatalog.GoAmzV35, "concatMusic", "POST", "music/concat", _ => new JsonObject(), hasBody: true));

        Assert.Contains("goamz-v3.5", error.Message);
    }

    [Fact]
    public void Every_status_word_the_emulator_sends_is_in_the_descriptors_tables_with_the_phases_meaning()
    {
        foreach (var phase in Enum.GetValues<Phase>())
        {
            var expected = Meaning(phase);
            Assert.Equal(expected, DialectCatalog.ClipStatuses[ClipRenderer.Status(phase)]);
            // Task-level words are coarser: a task whose clips stream is IN_PROGRESS (GoAmz: processing), and GoAmz
            // says pending until then.
            var running = expected == DialectStatus.Streaming ? DialectStatus.Running : expected;
            Assert.Equal(running, DialectCatalog.Task.TaskStatuses[TaskEndpoints.TaskStatus(phase)]);
            Assert.Equal(running == DialectStatus.Queued ? DialectStatus.Pending : running, DialectCatalog.GoAmzV35.TaskStatuses[GoAmzEndpoints.TaskStatus(phase)]);
        }
    }

    [Fact]
    public void Dialect_scoped_faults_name_descriptors()
    {
        foreach (var fault in Enum.GetValues<EmulatorFault>())
        {
            var dialects = DialectCatalog.All.Where(d => d.Operations.Any(id => EmulatorFaults.AppliesTo(fault, d.Name, id))).ToList();
            Assert.NotEmpty(dialects);
        }
    }

    private static DialectStatus Meaning(Phase phase) => phase switch
    {
        Phase.NotStarted or Phase.Submitted => DialectStatus.Pending,
        Phase.Queued => DialectStatus.Queued,
        Phase.Streaming => DialectStatus.Streaming,
        Phase.Complete => DialectStatus.Succeeded,
        _ => DialectStatus.Failed,
    };
}
