using System.Globalization;
using Portfolio.Bench;

// bench/Portfolio.Bench generate DIR N [SEED]: a synthetic content folder of N documents, the same for the same seed.
if (args is ["generate", var folder, var count, ..] && int.TryParse(count, CultureInfo.InvariantCulture, out var documents))
{
    var seed = args.Length > 3 && int.TryParse(args[3], CultureInfo.InvariantCulture, out var given) ? given : 42;
    var written = new ContentGenerator(seed).Write(folder, documents);
    Console.WriteLine($"{written} documents written to {folder} (seed {seed})");
    return 0;
}

// bench/Portfolio.Bench parse DIR: the loader alone, on one thread, three rounds.
if (args is ["parse", var source])
{
    ParseProfile.Run(source, Console.Out);
    return 0;
}

Console.Error.WriteLine("usage: Portfolio.Bench generate DIR N [SEED] | parse DIR");
return 2;
