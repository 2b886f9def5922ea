using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ActionsGen.Runtime.Telemetry;

namespace ActionsGen.Runtime.Tests.Infrastructure;

/// <summary>What ActionsGen reported while it listened: the activities that stopped and every counter and gauge measurement.</summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener = new();

    public TelemetryCapture()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ActionsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ActionsTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            Measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _meterListener.Start();
    }

    public ConcurrentQueue<Activity> Activities { get; } = new();

    public ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)> Measurements { get; } = new();

    /// <summary>The activities of calls to <paramref name="server"/> (tests run in parallel: other servers' calls are not theirs).</summary>
    public Activity[] Of(LoopbackServer server) =>
        Activities.Where(a => a.GetTagItem("server.port") is int port && port == server.BaseAddress.Port).ToArray();

    /// <summary>The measurements of <paramref name="instrument"/>.</summary>
    public (long Value, Dictionary<string, object?> Tags)[] Of(string instrument) =>
        Measurements.Where(m => m.Instrument == instrument).Select(m => (m.Value, m.Tags)).ToArray();

    /// <summary>Reads the observable gauges now.</summary>
    public void RecordObservableInstruments() => _meterListener.RecordObservableInstruments();

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }
}
