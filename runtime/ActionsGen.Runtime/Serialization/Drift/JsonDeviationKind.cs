namespace ActionsGen.Runtime.Serialization;

/// <summary>How a JSON value departs from its description. Each is drift, not corruption: the read goes on.</summary>
public enum JsonDeviationKind
{
    /// <summary>A required member is absent (<c>missing</c>).</summary>
    Missing,

    /// <summary>A member that may not be null is JSON <c>null</c> (<c>null</c>).</summary>
    Null,

    /// <summary>A value of another JSON type than described, e.g. a string where a number is (<c>wrong_type</c>).</summary>
    WrongType,

    /// <summary>A string that is not in its declared format, e.g. a <c>date-time</c> that does not parse (<c>invalid_format</c>).</summary>
    InvalidFormat,

    /// <summary>A number beyond the range of the member's type (<c>out_of_range</c>).</summary>
    OutOfRange,

    /// <summary>A <c>null</c> item in a list whose items may not be null; the item is left out (<c>null_element</c>).</summary>
    NullElement,
}
