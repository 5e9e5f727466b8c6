using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Monitor.Core.Configuration;

/// <summary>
/// Runs the data-annotation rules of an options class and reports each failure under its full configuration key
/// (<c>Monitor:Polling:MinInterval: ...</c>), so a bad setting names itself at start-up.
/// </summary>
internal sealed class KeyedOptionsValidator<TOptions>(string sectionPath) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = new List<string>();
        Collect(options, sectionPath, failures);
        if (options is IValidatableOptions crossField)
        {
            failures.AddRange(crossField.Validate().Select(f => $"{sectionPath}:{f}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Collect(object instance, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = result.MemberNames.DefaultIfEmpty(string.Empty);
            failures.AddRange(members.Select(member =>
                $"{(member.Length == 0 ? path : $"{path}:{member}")}: {result.ErrorMessage}"));
        }

        // Nested settings objects marked [ValidateObjectMembers] are checked under their own key (Budget:Window).
        foreach (var property in instance.GetType().GetProperties())
        {
            if (property.IsDefined(typeof(ValidateObjectMembersAttribute), inherit: true) && property.GetValue(instance) is { } nested)
            {
                Collect(nested, $"{path}:{property.Name}", failures);
            }
        }
    }
}

/// <summary>Cross-field rules of an options class; each failure starts with the member's name.</summary>
public interface IValidatableOptions
{
    IEnumerable<string> Validate();
}
