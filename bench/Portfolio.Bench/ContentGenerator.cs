using System.Globalization;
using System.Text;

namespace Portfolio.Bench;

/// <summary>
/// Writes a synthetic content folder of N documents shaped like the owner's: programs with overview facts and capstone
/// sections, their course notes, certifications with competencies, and guides of parts and modules. Each document has
/// 2 to 5 tags from a vocabulary of 50. The same seed gives the same folder, byte for byte.
/// </summary>
public sealed class ContentGenerator(int seed)
{
    public static readonly string[] Vocabulary =
    [
        "AWS", "machine learning", "ML", "MLOps", "SageMaker", "Python", "Docker", "Kubernetes", "C#", "CI/CD", "Node.js",
        "deep learning", "NLP", "computer vision", "time series", "forecasting", "data engineering", "Spark", "SQL", "statistics",
        "PyTorch", "TensorFlow", "scikit-learn", "XGBoost", "feature engineering", "A/B testing", "monitoring", "Lambda",
        "serverless", "S3", "Glue", "Kinesis", "Athena", "security", "IAM", "cost optimization", "recommendation systems",
        "reinforcement learning", "transformers", "BERT", "LLM", "prompt engineering", "edge deployment", "Terraform",
        "CloudFormation", "Airflow", "data quality", "explainability", "fairness", "capstone project",
    ];

    private static readonly string[] Words =
    [
        "model", "data", "pipeline", "training", "deployment", "endpoint", "feature", "latency", "throughput", "batch", "stream",
        "metric", "accuracy", "precision", "recall", "drift", "monitoring", "container", "cluster", "instance", "cost", "scale",
        "tuning", "experiment", "dataset", "label", "inference", "production", "architecture", "service", "workflow", "retraining",
        "evaluation", "baseline", "business", "customer", "churn", "fraud", "forecast", "recommendation", "image", "text", "signal",
        "storage", "security", "access", "policy", "version", "registry", "artifact", "notebook", "job", "schedule", "alert",
    ];

    private static readonly string[] Numerals = ["I", "II", "III", "IV"];

    private readonly Random _random = new(seed);

    /// <summary>Writes the folder and returns how many documents it holds.</summary>
    public int Write(string folder, int documents)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "site.yml"), "name: Bench Owner\nheadline: Machine Learning Engineer\nlinks:\n  - label: GitHub\n    url: https://github.com/\n");
        File.WriteAllText(Path.Combine(folder, "tags.yml"), "Machine Learning: [ML]\nAmazon SageMaker: [SageMaker]\nCapstone Project: [Capstone]\n");

        var programs = Math.Max(1, documents / 10);
        var guides = Math.Max(1, documents / 40);
        var certifications = Math.Max(1, documents / 5);
        var notes = Math.Max(0, documents - programs - guides - certifications);
        var written = 0;
        for (var i = 0; i < programs; i++)
        {
            Save(folder, $"programs/program-{i:D5}/index.md", Program(i));
            written++;
        }

        for (var i = 0; i < notes; i++)
        {
            Save(folder, $"programs/program-{i % programs:D5}/notes-{i:D5}.md", Note(i));
            written++;
        }

        for (var i = 0; i < certifications; i++)
        {
            Save(folder, $"certifications/certification-{i:D5}.md", Certification(i));
            written++;
        }

        for (var i = 0; i < guides; i++)
        {
            Save(folder, $"guides/guide-{i:D5}.md", Guide(i));
            written++;
        }

        return written;
    }

    private static void Save(string folder, string path, string text)
    {
        var full = Path.Combine(folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private string Program(int i)
    {
        var text = new StringBuilder();
        FrontMatter(text, $"Machine Learning Program {i}", quotedDate: i % 2 == 0);
        text.AppendLine("## Program Overview\n");
        text.AppendLine($"**Program:** Machine Learning Program {i}  ");
        text.AppendLine("**Provider:** Example Academy  ");
        text.AppendLine($"**Duration:** {3 + (i % 9)} months  ");
        text.AppendLine("**Funding:** Scholarship recipient\n");
        text.AppendLine(Paragraph(60)).AppendLine();
        Sections(text, 3, "##");
        text.AppendLine("## Capstone Projects\n");
        for (var p = 1; p <= 3; p++)
        {
            text.AppendLine($"### Project {p}: {Title(3)}");
            text.AppendLine($"- **Objective:** {Sentence(10)}");
            text.AppendLine($"- **Implementation:** {Sentence(12)}");
            text.AppendLine($"- **Technologies:** {string.Join(", ", Pick(3))}");
            text.AppendLine($"- **Outcome:** {Sentence(10)}\n");
        }

        Sections(text, 2, "##");
        return text.ToString();
    }

    private string Note(int i)
    {
        var text = new StringBuilder();
        if (i % 3 != 0)
        {
            FrontMatter(text, $"Course Notes {i}", quotedDate: false);
        }
        else
        {
            // Like the owner's notes: no front matter, the title from the first heading.
            text.AppendLine($"# Course Notes {i}\n");
        }

        for (var s = 0; s < 3; s++)
        {
            text.AppendLine($"## {s + 1}. {Title(3)}\n");
            text.AppendLine(Paragraph(40)).AppendLine();
            for (var item = 1; item <= 5; item++)
            {
                text.AppendLine($"{item}. {Title(2)}. {Sentence(12)}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private string Certification(int i)
    {
        var text = new StringBuilder();
        var preparing = i % 4 == 0;
        text.AppendLine("---");
        text.AppendLine($"title: \"Example Certified {Title(2)} {i}\"");
        if (preparing)
        {
            text.AppendLine("status: in-preparation");
        }
        else
        {
            text.AppendLine($"date: {Date()}");
        }

        text.AppendLine("issuer: Amazon Web Services");
        text.AppendLine($"code: EX{i:D4}-C01");
        text.AppendLine($"tags: [{string.Join(", ", Pick(_random.Next(2, 6)).Select(t => $"\"{t}\""))}]");
        text.AppendLine($"description: \"{Sentence(14)}\"");
        text.AppendLine("---\n");
        text.AppendLine(Paragraph(50)).AppendLine();
        text.AppendLine("## Key Competencies\n");
        for (var area = 0; area < 4; area++)
        {
            text.AppendLine($"### {Title(2)}");
            for (var item = 0; item < 4; item++)
            {
                text.AppendLine($"- {Sentence(7)}");
            }

            text.AppendLine();
        }

        Sections(text, 2, "##");
        return text.ToString();
    }

    private string Guide(int i)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Study Guide {i}: {Title(3)}");
        text.AppendLine($"## Your Guide to the EX{i:D4} Certification\n\n---\n");
        text.AppendLine("# Introduction: Welcome\n");
        text.AppendLine($"{Paragraph(50)} Over the next twelve modules, we build it.\n");
        var modules = 8;
        for (var m = 1; m <= modules; m++)
        {
            if (m % 4 == 1)
            {
                text.AppendLine($"---\n\n# Part {Numerals[m / 4]}: {Title(3)}\n## Modules {m}-{m + 3}: {Title(4)}\n\n---\n");
            }

            text.AppendLine($"# Module {m}: {Title(4)}\n");
            text.AppendLine(Paragraph(40)).AppendLine();
            Sections(text, 3, "##");
        }

        return text.ToString();
    }

    private void FrontMatter(StringBuilder text, string title, bool quotedDate)
    {
        text.AppendLine("---");
        text.AppendLine($"title: \"{title}\"");
        text.AppendLine(quotedDate ? $"date: \"{Date()}\"" : $"date: {Date()}");
        text.AppendLine($"tags: [{string.Join(", ", Pick(_random.Next(2, 6)).Select(t => $"\"{t}\""))}]");
        text.AppendLine($"description: \"{Sentence(16)}\"");
        text.AppendLine($"summary: \"{Sentence(20)}\"");
        text.AppendLine("---\n");
    }

    private void Sections(StringBuilder text, int count, string level)
    {
        for (var s = 0; s < count; s++)
        {
            text.AppendLine($"{level} {Title(3)}\n");
            text.AppendLine(Paragraph(50)).AppendLine();
            text.AppendLine($"{level}# {Title(2)}");
            for (var item = 0; item < 4; item++)
            {
                text.AppendLine($"- **{Title(2)}:** {Sentence(10)}");
            }

            text.AppendLine();
        }
    }

    private string Date() =>
        new DateTime(2018, 1, 1).AddDays(_random.Next(0, 365 * 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private IEnumerable<string> Pick(int count) =>
        Enumerable.Range(0, count).Select(_ => Vocabulary[_random.Next(Vocabulary.Length)]).Distinct();

    private string Title(int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Capitalize(Words[_random.Next(Words.Length)])));

    private string Sentence(int words) =>
        Capitalize(string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[_random.Next(Words.Length)]))) + ".";

    private string Paragraph(int words)
    {
        var sentences = new List<string>();
        for (var written = 0; written < words; written += 12)
        {
            sentences.Add(Sentence(8 + _random.Next(8)));
        }

        return string.Join(' ', sentences);
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
