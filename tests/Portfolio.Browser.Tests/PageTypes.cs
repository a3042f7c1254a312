namespace Portfolio.Browser.Tests;

/// <summary>One URL of every page type the site has.</summary>
public static class PageTypes
{
    public static TheoryData<string, string> All => new()
    {
        { "home", "/" },
        { "credentials", "/credentials?tag=aws&tag=machine-learning" },
        { "credentials-empty", "/credentials?tag=no-such-tag" },
        { "programs", "/programs" },
        { "program", "/programs/aws-machine-learning-engineer-nanodegree" },
        { "capstone", "/programs/aws-machine-learning-engineer-nanodegree/capstones/computer-vision-pipeline" },
        { "course-notes", "/programs/aws-machine-learning-engineer-nanodegree/notes/course-notes" },
        { "course-note-with-links", "/programs/aws-machine-learning-engineer-nanodegree/notes/sagemaker-deployment" },
        { "certifications", "/certifications" },
        { "certification", "/certifications/aws-certified-machine-learning-engineer-associate" },
        { "badges", "/badges" },
        { "badge", "/badges/aws-machine-learning-engineer-nanodegree" },
        { "guides", "/guides" },
        { "guide", "/guides/aws-machine-learning-engineering" },
        { "module", "/guides/aws-machine-learning-engineering/module-1" },
        { "module-linked-from", "/guides/aws-machine-learning-engineering/module-2" },
        { "tags", "/tags" },
        { "tag", "/tags/aws" },
        { "search", "/search?q=sagemaker+deployment" },
        { "timeline", "/timeline" },
        { "cv", "/cv" },
        { "content-status", "/status/content" },
        { "not-found", "/no-such-page" },
    };
}
