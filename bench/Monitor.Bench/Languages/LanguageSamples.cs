namespace Monitor.Bench.Languages;

/// <summary>Post-length texts in the UN languages and a few more, of the kind foreign ministries publish, with their language.</summary>
internal static class LanguageSamples
{
    public static readonly (string Language, string Text)[] Posts =
    [
        ("en", "The Minister met her counterpart today to discuss cooperation on climate finance and regional security. https://example.org/news/123"),
        ("en", "Statement by the Spokesperson on the humanitarian situation: we call on all parties to protect civilians and allow unhindered access for aid."),
        ("fr", "Le ministre a reçu aujourd'hui son homologue pour évoquer la coopération en matière de sécurité régionale et de développement durable."),
        ("fr", "Déclaration de la porte-parole : la France condamne fermement cette attaque et exprime sa solidarité avec les victimes."),
        ("es", "El canciller se reunió hoy con su homólogo para conversar sobre la cooperación económica y la agenda de desarrollo sostenible."),
        ("es", "Comunicado: el Gobierno expresa su profunda preocupación por la situación humanitaria y llama al diálogo entre las partes."),
        ("ar", "استقبل وزير الخارجية اليوم نظيره لبحث سبل تعزيز التعاون الثنائي في المجالات الاقتصادية والأمنية."),
        ("ar", "بيان صادر عن الوزارة بشأن الوضع الإنساني: ندعو جميع الأطراف إلى حماية المدنيين وضمان وصول المساعدات."),
        ("ru", "Министр иностранных дел провёл переговоры со своим коллегой, обсудив вопросы двустороннего сотрудничества и региональной безопасности."),
        ("ru", "Заявление официального представителя: мы призываем все стороны к сдержанности и продолжению диалога."),
        ("zh", "外交部长今天会见了来访的外国同行，双方就双边关系和共同关心的国际地区问题深入交换了意见。"),
        ("zh", "外交部发言人就人道主义局势发表谈话，呼吁各方保护平民，确保人道主义援助通道畅通。"),
        ("pt", "O ministro recebeu hoje o seu homólogo para discutir a cooperação em matéria de comércio, energia e segurança regional."),
        ("de", "Die Außenministerin hat heute ihren Amtskollegen empfangen, um über die Zusammenarbeit in Fragen der Sicherheit zu sprechen."),
        ("it", "Il ministro ha incontrato oggi il suo omologo per discutere della cooperazione economica e della sicurezza nel Mediterraneo."),
        ("ja", "外務大臣は本日、来日中の外相と会談し、二国間関係や地域情勢について意見交換を行いました。"),
        ("tr", "Dışişleri Bakanı bugün mevkidaşı ile görüşerek ikili ilişkiler ve bölgesel güvenlik konularını ele aldı."),
        ("uk", "Міністр закордонних справ провів зустріч зі своїм колегою та обговорив питання двостороннього співробітництва."),
    ];

    /// <summary>Texts too short or too mixed to decide.</summary>
    public static readonly string[] Undecidable = ["OK", "👍", "#UNGA80", "https://example.org/x", "2026"];
}
