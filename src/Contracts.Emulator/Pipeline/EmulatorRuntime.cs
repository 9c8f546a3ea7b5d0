using Contracts.Emulator.Callbacks;
using Contracts.Emulator.Faults;
using Contracts.Emulator.State;

namespace Contracts.Emulator.Pipeline;

/// <summary>The state one emulator instance shares between its endpoints.</summary>
internal sealed class EmulatorRuntime
{
    public EmulatorRuntime(VendorEmulatorOptions options)
    {
        Options = options;
        Store = new EmulatorStore(options.StatePath is { } path ? new EmulatorStateFile(path) : null);
        Clock = new EmulatorClock(options.TimeProvider, options.StepDuration);
        Factory = new SongFactory(Store, Clock, options);
        Faults = new FaultSelector(options.Faults);
        Callbacks = new CallbackDispatcher(Store, Clock, options);
    }

    public VendorEmulatorOptions Options { get; }

    public EmulatorStore Store { get; }

    public EmulatorClock Clock { get; }

    public SongFactory Factory { get; }

    public FaultSelector Faults { get; }

    public CallbackDispatcher Callbacks { get; }
}
