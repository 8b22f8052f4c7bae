using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CorsGen.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
