using LogParsing.Cli;

namespace LogParsing.Tests.Cli;

/// <summary>The summary's detections run on another thread in batches: in order, all of them, and a failure is not lost or a hang.</summary>
public class BatchedWorkerTests
{
    // The first 50,000 are worked on in the caller, the rest on the worker's thread.
    [Theory]
    [InlineData(1_000)]
    [InlineData(120_000)]
    public async Task Every_item_is_worked_on_in_order_before_completion_returns(int items)
    {
        var seen = new List<int>();
        var worker = new BatchedWorker<int>(seen.Add, TestContext.Current.CancellationToken);
        for (var i = 0; i < items; i++) await worker.AddAsync(i, TestContext.Current.CancellationToken);
        await worker.CompleteAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(0, items), seen);
    }

    [Theory]
    [InlineData(1_500)]
    [InlineData(80_000)]
    public async Task What_the_work_throws_reaches_the_reader_instead_of_a_wait_for_room(int failing)
    {
        var worker = new BatchedWorker<int>(i => { if (i == failing) throw new InvalidOperationException("rule failed"); }, TestContext.Current.CancellationToken);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            for (var i = 0; i < 300_000; i++) await worker.AddAsync(i, TestContext.Current.CancellationToken);
            await worker.CompleteAsync(TestContext.Current.CancellationToken);
        });
        Assert.Equal("rule failed", e.Message);
    }
}
