namespace Monitor.Core.Tests.Fuzz;

/// <summary>
/// Tests that read the process-wide allocation counter (<c>GC.GetTotalAllocatedBytes</c>) run with nothing else in
/// parallel, so other tests' allocations cannot count against them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasuringCollection
{
    public const string Name = "allocation measuring";
}
