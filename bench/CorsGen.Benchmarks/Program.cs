using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CorsGen.Benchmarks -- --filter '*'
// Exits with 1 when a benchmark fails or cannot run, so CI's smoke run catches a broken benchmark.
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
