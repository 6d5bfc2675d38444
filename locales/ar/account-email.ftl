acct-invite-subject = أنت مدعو إلى { $organization } على Kairos
acct-invite-heading = انضم إلى { $organization }
acct-hello = مرحبًا،
acct-invite-text = أنت مدعو للانضمام إلى { $organization } على Kairos، حيث ستدير مواعيدك. افتح الرابط أدناه لاختيار اسمك وكلمة المرور.
acct-invite-expiry = يعمل الرابط مرة واحدة وتنتهي صلاحيته خلال { $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }. إذا لم تكن تتوقع هذه الدعوة، فتجاهل هذه الرسالة.
acct-invite-button = قبول الدعوة
acct-made-subject = حسابك في { $organization } على Kairos
acct-made-heading = اختر كلمة المرور
acct-made-text = أُنشئ لك حساب في { $organization } على Kairos، حيث ستدير مواعيدك. افتح الرابط أدناه لاختيار كلمة المرور.
acct-made-expiry = يعمل الرابط مرة واحدة وتنتهي صلاحيته خلال { $days ->
        [zero] { $days } يوم
        [one] يوم واحد
        [two] يومين
        [few] { $days } أيام
        [many] { $days } يومًا
       *[other] { $days } يوم
    }. إذا لم تكن تتوقع ذلك، فتجاهل هذه الرسالة.
acct-made-button = اختيار كلمة المرور
acct-reset-subject = اختر كلمة مرور جديدة لـ { $organization }
acct-reset-heading = اختيار كلمة مرور جديدة
acct-reset-text = طلب أحدهم رابطًا لاختيار كلمة مرور جديدة لحسابك في { $organization } على Kairos. إن كنت أنت، فافتح الرابط أدناه: يعمل مرة واحدة خلال { $minutes } دقيقة.
acct-reset-not-you = إن لم تكن أنت، فتجاهل هذه الرسالة: تبقى كلمة المرور كما هي.
acct-unlock-subject = أُوقف تسجيل الدخول إلى { $organization } مؤقتًا
acct-unlock-heading = أُوقف تسجيل الدخول مؤقتًا
acct-unlock-text = حاول أحدهم عدة مرات تسجيل الدخول إلى حسابك في { $organization } على Kairos بكلمة مرور أو رمز تحقق خاطئ، لذا أُوقف تسجيل الدخول مؤقتًا لبعض الوقت. إن لم تكن أنت، فلم يُقبل أي شيء خاطئ؛ فكّر في تغيير كلمة المرور إن كنت تستخدمها في مكان آخر.
acct-unlock-how = لتسجيل الدخول الآن، افتح الرابط أدناه في المتصفح الذي تريد استخدامه وأكّد. يعمل مرة واحدة خلال { $minutes } دقيقة، ويسمح لهذا المتصفح بتسجيل الدخول مجددًا.
acct-unlock-button = السماح لمتصفحي بتسجيل الدخول
acct-revoked-subject = أعد ربط { $provider }
acct-revoked-heading = يجب ربط { $provider } مجددًا
acct-revoked-text = لم يعد Kairos قادرًا على الوصول إلى حساب { $provider } ‏{ $account } الخاص بـ { $host }: أُلغي الوصول أو انتهت صلاحيته.
acct-revoked-effect = حتى يُعاد ربطه، لا تحجب أحداثه أوقات { $host } ولا تُكتب الحجوزات الجديدة فيه. أما الحجوزات نفسها فتستمر كالمعتاد.
acct-revoked-how = يمكن لـ { $host } إعادة ربطه من صفحة التقويمات: يحتفظ الحساب نفسه بإعداداته.
acct-revoked-button = فتح التقويمات
acct-test-subject = رسالة اختبار من { $organization }
acct-test-heading = رسالة اختبار
acct-test-text = هذه رسالة اختبار من Kairos. البريد الإلكتروني مُعدّ: ستُرسل تأكيدات الحجز والطلبات والتغييرات من هذا العنوان.
