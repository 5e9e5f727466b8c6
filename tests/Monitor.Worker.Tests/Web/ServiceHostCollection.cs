namespace Monitor.Worker.Tests.Web;

/// <summary>
/// Test classes that start the service host run one at a time: Quartz keeps its logger in a static, so two service
/// hosts alive in one process would share it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServiceHostCollection
{
    public const string Name = "Service host";
}
