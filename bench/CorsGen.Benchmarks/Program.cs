using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

// dotnet run -c Release --project bench/CorsGen.Benchmarks -- --filter '*'
//
// Unless the command line names a job (CI's smoke run passes --job dry), every benchmark runs in its own
// process with 5 warm-up and 20 measured iterations of at least 250 ms: about 15 s per benchmark, so the
// whole suite (228 benchmarks) takes about 70 minutes on two cores instead of three hours with
// BenchmarkDotNet's default, which lets a noisy benchmark run up to 100 iterations. The error column
// says what the shorter runs cost in precision.
var namesJob = args.Any(arg => arg.StartsWith("--job", StringComparison.Ordinal) || arg == "-j");
var config = namesJob
    ? DefaultConfig.Instance
    : DefaultConfig.Instance.AddJob(Job.Default.WithWarmupCount(5).WithIterationCount(20).WithIterationTime(TimeInterval.FromMilliseconds(250)));

// Exits with 1 when a benchmark fails or cannot run, so CI's smoke run catches a broken benchmark.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
