namespace Monitor.Core.Activity.Study;

/// <summary>How the study is written: one self-contained HTML page, Markdown, or JSON with every figure.</summary>
public enum StudyFormat
{
    Html,
    Markdown,
    Json,
}
