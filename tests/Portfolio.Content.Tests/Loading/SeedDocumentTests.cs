using System.Security.Cryptography;
using Portfolio.Content.Data;

namespace Portfolio.Content.Tests.Loading;

/// <summary>The owner's five documents, loaded as they are, with what each must yield.</summary>
public sealed class SeedDocumentTests
{
    // The SHA-256 of the owner's five files as the owner gave them: the content folder must keep them byte for byte.
    [Theory]
    [InlineData(TestContent.Nanodegree, "53DB4183DA205100DCDE8B25B64ED5C7BBA4C8DFD92BCCD8FA4C093937E9A1D8")]
    [InlineData(TestContent.CourseNotes, "DB7ED731E36C7AAA8A0FF88D11843833146A58B62EC59DBF128C4A63359E013F")]
    [InlineData(TestContent.CourseRoadmap, "BB229131DE7D687F2B281865634FA7F0D590DB2E20D769341732AEAD3AA2F9B1")]
    [InlineData(TestContent.Specialty, "49D7954127E6381AC030272EDB5A4BEDCA7B1B88D009F469819695FA3B070E7C")]
    [InlineData(TestContent.Guide, "317E9BCCCFCC4490A0059491FC7E6D6C2348F8643D7000BFA69FC9A66F26F92A")]
    public void Content_holds_each_of_the_owners_files_byte_for_byte(string contentPath, string sha256)
    {
        var actual = SHA256.HashData(File.ReadAllBytes(Path.Combine(TestContent.ContentFolder, contentPath)));
        Assert.Equal(sha256, Convert.ToHexString(actual));
    }

    [Fact]
    public void Nanodegree_reads_its_front_matter_with_an_unquoted_date()
    {
        var document = TestContent.LoadRepositoryFile(TestContent.Nanodegree);

        Assert.Empty(document.Diagnostics);
        var program = Assert.Single(document.Entries, e => e.Kind == EntryKind.Program);
        Assert.Equal("aws-machine-learning-engineer-nanodegree", program.Slug);
        Assert.Equal("AWS Machine Learning Engineer Nanodegree", program.Title);
        Assert.Equal(new DateTime(2023, 6, 1), program.Date);
        Assert.Equal(["AWS", "machine learning", "cloud computing", "capstone project", "scholarship"], document.TagNamesOf(program));
        Assert.StartsWith("Completed AWS Machine Learning Engineer Nanodegree program over 6 months", program.Description);
        Assert.StartsWith("Comprehensive machine learning engineering program", program.Summary);
    }

    [Fact]
    public void Nanodegree_overview_gives_provider_duration_and_funding()
    {
        var program = TestContent.LoadRepositoryFile(TestContent.Nanodegree).Entries[0];

        Assert.NotNull(program.Credential);
        Assert.Equal(CredentialStatus.Earned, program.Credential.Status);
        Assert.Equal("Udacity in partnership with Amazon Web Services", program.Credential.Provider);
        Assert.Equal("6 months (2023)", program.Credential.Duration);
        Assert.Equal("Scholarship recipient", program.Credential.Funding);
        Assert.Equal("Production machine learning systems on AWS cloud platform", program.Facts["Focus"]);
    }

    [Fact]
    public void Nanodegree_yields_three_capstones_with_their_four_fields_and_technologies_as_tags()
    {
        var document = TestContent.LoadRepositoryFile(TestContent.Nanodegree);
        var capstones = document.Entries.Where(e => e.Kind == EntryKind.Capstone).ToList();

        Assert.Equal(["Computer Vision Pipeline", "Natural Language Processing System", "Time Series Forecasting"], capstones.Select(c => c.Title));
        Assert.Equal([1, 2, 3], capstones.Select(c => c.Number));
        Assert.Equal(["computer-vision-pipeline", "natural-language-processing-system", "time-series-forecasting"], capstones.Select(c => c.Slug));
        Assert.Equal([35, 41, 47], capstones.Select(c => c.SourceLine));
        Assert.All(capstones, c => Assert.Equal("program:aws-machine-learning-engineer-nanodegree", c.ParentKey));

        var vision = capstones[0].Capstone!;
        Assert.Equal("End-to-end image classification system using AWS services", vision.Objective);
        Assert.Equal("SageMaker training, Lambda functions, API Gateway integration", vision.Implementation);
        Assert.Equal("CNN models, Docker containers, serverless architecture", vision.Technologies);
        Assert.Equal("Scalable image processing pipeline with real-time inference capabilities", vision.Outcome);
        Assert.Equal(["CNN models", "Docker containers", "serverless architecture"], document.TagNamesOf(capstones[0]));
        Assert.Contains("<li><strong>Objective:</strong> End-to-end image classification system using AWS services</li>", capstones[0].Html);

        // The program shows its capstones from their rows, so their section is not repeated in its body.
        var program = document.Entries[0];
        Assert.DoesNotContain("capstone-projects", program.Html);
        Assert.DoesNotContain(program.Toc, t => t.Id == "capstone-projects");
        Assert.Contains("<h2 id=\"technical-skills-developed\">", program.Html);

        var forecasting = capstones[2];
        Assert.Equal("Accurate forecasting system with automated model selection", forecasting.Capstone!.Outcome);
        Assert.Equal(["SageMaker built-in algorithms", "custom containers", "batch transform"], document.TagNamesOf(forecasting));
    }

    [Fact]
    public void Nanodegree_table_of_contents_lists_its_sections_with_ids()
    {
        var program = TestContent.LoadRepositoryFile(TestContent.Nanodegree).Entries[0];

        Assert.Contains(program.Toc, t => t is { Level: 2, Id: "core-curriculum", Text: "Core Curriculum" });
        Assert.Contains(program.Toc, t => t is { Level: 3, Id: "machine-learning-on-aws" });
        Assert.Contains("<h2 id=\"program-overview\">Program Overview</h2>", program.Html);
        Assert.True(program.WordCount > 800, $"word count {program.WordCount}");
        Assert.Equal((int)Math.Ceiling(program.WordCount / 220.0), program.ReadingMinutes);
    }

    [Fact]
    public void Course_notes_without_front_matter_take_their_title_from_the_first_heading()
    {
        var document = TestContent.LoadRepositoryFile(TestContent.CourseNotes, withSidecar: false);

        var note = Assert.Single(document.Entries);
        Assert.Equal(EntryKind.CourseNote, note.Kind);
        Assert.Equal("Machine Learning Engineer Nanodegree", note.Title);
        Assert.Equal("program:aws-machine-learning-engineer-nanodegree", note.ParentKey);
        Assert.DoesNotContain("<h1", note.Html);
    }

    [Fact]
    public void Course_notes_read_the_indented_lessons_as_lists_and_yield_lessons_and_case_studies()
    {
        var note = TestContent.LoadRepositoryFile(TestContent.CourseNotes).Entries[0];

        var lessons = note.Topics.Where(t => t.Section == "1. Machine Learning in Production").ToList();
        Assert.Equal(["Introduction to Deployment", "Building Models in SageMaker", "Deployment Using a Model", "Hyperparameter Tuning", "Update a Model"], lessons.Select(t => t.Title));
        Assert.Equal([1, 2, 3, 4, 5], lessons.Select(t => t.Number));
        Assert.StartsWith("Quick intro of basic deployment concepts", lessons[0].Detail);

        var cases = note.Topics.Where(t => t.Section == "Machine Learning Case Studies").ToList();
        Assert.Equal(["Population Segmentation", "Fraud Detection", "Moon Data", "Forecasting", "Project"], cases.Select(t => t.Title));
        Assert.Equal([1, 2, 3, 4, 5], cases.Select(t => t.Number));

        Assert.DoesNotContain("<pre", note.Html);
        Assert.Contains("<ol>", note.Html);
        Assert.Contains("<ol start=\"2\">", note.Html);
    }

    [Fact]
    public void Course_notes_images_that_do_not_exist_are_warnings_and_not_broken_images()
    {
        var document = TestContent.LoadRepositoryFile(TestContent.CourseNotes);

        var missing = document.Diagnostics.Where(d => d.Message.StartsWith("image ", StringComparison.Ordinal)).ToList();
        Assert.Equal([25, 29, 37], missing.Select(d => d.Line));
        Assert.All(missing, d => Assert.False(d.IsError));
        Assert.Contains("there is no file content/programs/aws-machine-learning-engineer-nanodegree/Machine_Learning_Case_Studies/Fraud_Detection/figs/precision_recall.png", missing[1].Message);
        Assert.Equal(
            "programs/aws-machine-learning-engineer-nanodegree/course-notes.md:29:1: warning: image 'Machine_Learning_Case_Studies/Fraud_Detection/figs/precision_recall.png' not found: there is no file content/programs/aws-machine-learning-engineer-nanodegree/Machine_Learning_Case_Studies/Fraud_Detection/figs/precision_recall.png; it is shown as text",
            missing[1].ToString());

        var html = document.Entries[0].Html;
        Assert.DoesNotContain("<img", html);
        Assert.Contains("<span class=\"image-missing\">Image not available: Detection Example</span>", html);
    }

    [Fact]
    public void Course_roadmap_reads_setext_headings_and_a_thematic_break_as_markdown_not_front_matter()
    {
        var document = TestContent.LoadRepositoryFile(TestContent.CourseRoadmap, withSidecar: false);

        Assert.DoesNotContain(document.Diagnostics, d => d.IsError);
        var note = Assert.Single(document.Entries);
        Assert.Equal("Summary", note.Title);
        Assert.Contains("<hr />", note.Html);
        Assert.DoesNotContain(">Summary</h2>", note.Html);
        Assert.Equal(
            ["Course Roadmap", "Software Engineering Practices Pt1", "Software Engineering Practices Part II", "Object Oriented Programming",
             "Introduction of Deployment and Cloud Computing", "Deploying model in SageMaker"],
            note.Toc.Select(t => t.Text));
    }

    [Fact]
    public void Course_roadmap_yields_its_topics_with_nested_items()
    {
        var note = TestContent.LoadRepositoryFile(TestContent.CourseRoadmap).Entries[0];

        Assert.Equal("Course Roadmap", note.Title);
        Assert.Equal(["General Software Engineering Practices", "Object-Oriented Programing", "Web Development"],
            note.Topics.Where(t => t.Section == "Course Roadmap").Select(t => t.Title));
        var oop = note.Topics.Where(t => t.Section == "Object Oriented Programming").ToList();
        Assert.Equal(2, oop.Count(t => t.Depth == 0));
        Assert.Equal(8, oop.Count(t => t.Depth == 1));
        Assert.Equal(["application (web app)", "endpoints", "api gateway", "lambda function", "model"],
            note.Topics.Where(t => t.Section == "Deploying model in SageMaker").Select(t => t.Title));
    }

    [Fact]
    public void Specialty_certification_reads_a_quoted_date_and_its_competencies()
    {
        var document = TestContent.LoadRepositoryFile(TestContent.Specialty);

        Assert.Empty(document.Diagnostics);
        var certification = Assert.Single(document.Entries);
        Assert.Equal(EntryKind.Certification, certification.Kind);
        Assert.Equal("AWS Certified Machine Learning - Specialty", certification.Title);
        Assert.Equal(new DateTime(2024, 3, 5), certification.Date);
        Assert.Equal("certificates", certification.Category);
        Assert.False(certification.IsDraft);
        Assert.Equal(["AWS", "ML", "Certification"], document.TagNamesOf(certification));
        Assert.Equal(CredentialStatus.Earned, certification.Credential!.Status);
        Assert.Equal("Amazon Web Services", certification.Credential.Issuer);
        Assert.Equal("MLS-C01", certification.Credential.Code);
        Assert.Equal(["Data Engineering", "Modeling", "Deployment & Operations", "ML Security & Compliance"],
            certification.Topics.Select(t => t.Section).Distinct());
        Assert.Equal(16, certification.Topics.Count);
        Assert.DoesNotContain("Key Competencies", certification.Html);
        Assert.Contains("<h2 id=\"practical-applications\">Practical Applications</h2>", certification.Html);
        Assert.DoesNotContain("<h1", certification.Html);
        Assert.Equal(10, certification.SourceLine);
    }

    [Fact]
    public void Guide_yields_introduction_part_and_modules_in_book_order()
    {
        var document = TestContent.LoadRepositoryFile(TestContent.Guide);

        Assert.Empty(document.Diagnostics);
        var guide = document.Entries[0];
        Assert.Equal(EntryKind.Guide, guide.Kind);
        Assert.Equal("AWS Machine Learning Engineering: A Complete Journey", guide.Title);
        Assert.Equal("Your Guide to the MLA-C01 Certification", guide.Description);
        Assert.Equal(12, guide.PlannedModules);

        var chapters = document.Entries.Skip(1).ToList();
        Assert.Equal(
            [(EntryKind.GuideModule, "introduction", "Introduction", (int?)null, "Welcome to Machine Learning on AWS"),
             (EntryKind.GuidePart, "part-i", "Part I", 1, "Understanding the Problem"),
             (EntryKind.GuideModule, "module-1", "Module 1", 1, "How Machine Learning Really Works"),
             (EntryKind.GuideModule, "module-2", "Module 2", 2, "Turning Business Problems into ML Problems")],
            chapters.Select(c => (c.Kind, c.Slug, c.Label!, c.Number, c.Title)));
        Assert.Equal([0, 1, 2, 3], chapters.Select(c => c.Order));
        Assert.Equal([6, 62, 67, 164], chapters.Select(c => c.SourceLine));
        Assert.Equal("Modules 0-2: From Business Questions to ML Solutions", chapters[1].Description);
        Assert.Same(chapters[1], chapters[2].Part);
        Assert.Same(chapters[1], chapters[3].Part);
        Assert.Null(chapters[0].Part);
        Assert.All(chapters, c => Assert.Equal("guide:aws-machine-learning-engineering", c.ParentKey));
    }

    [Fact]
    public void Guide_modules_have_their_own_html_table_of_contents_and_reading_time()
    {
        var document = TestContent.LoadRepositoryFile(TestContent.Guide);
        var module1 = document.Entries.Single(e => e.Slug == "module-1");
        var module2 = document.Entries.Single(e => e.Slug == "module-2");

        Assert.Contains(module1.Toc, t => t is { Level: 2, Id: "the-essence-of-machine-learning" });
        Assert.Contains(module1.Toc, t => t is { Level: 3, Text: "Supervised Learning: Learning from Examples" });
        Assert.DoesNotContain(module1.Toc, t => t.Text.StartsWith("The Story", StringComparison.Ordinal));
        Assert.DoesNotContain("<hr", module1.Html);
        Assert.DoesNotContain("Module 2", module1.Html);
        Assert.InRange(module1.WordCount, 600, 900);
        Assert.InRange(module1.ReadingMinutes, 3, 5);
        Assert.DoesNotContain("To be continued", module2.Html);
        Assert.Contains("To be continued", document.Entries[0].Html);
        Assert.Equal(document.TagNamesOf(document.Entries[0]), document.TagNamesOf(module1));
    }

    [Fact]
    public void Guide_file_without_front_matter_is_not_split_at_its_thematic_break()
    {
        var document = TestContent.LoadRepositoryFile(TestContent.Guide, withSidecar: false);

        Assert.Empty(document.Diagnostics);
        Assert.Equal(5, document.Entries.Count);
    }
}
