booker-time-gone = هذا الوقت لم يعد متاحًا. يُرجى اختيار وقت آخر.
booker-just-taken = عذرًا، حُجز هذا الوقت للتو. يُرجى اختيار وقت آخر.
booker-location-phone = مكالمة هاتفية
booker-location-online = اجتماع عبر الإنترنت
booker-location-video = مكالمة فيديو
booker-location = المكان
booker-locations-or = { $first } أو { $last }
booker-rescheduling = أنت تعيد جدولة حجزك في { $when }.
booker-duration = المدة
booker-time-zone = المنطقة الزمنية
booker-apply = تطبيق
booker-previous-month = الشهر السابق
booker-next-month = الشهر التالي
booker-day-times = { $date }، { $count ->
        [zero] لا أوقات متاحة
        [one] وقت واحد متاح
        [two] وقتان متاحان
        [few] { $count } أوقات متاحة
        [many] { $count } وقتًا متاحًا
       *[other] { $count } وقت متاح
    }
booker-day-no-times = { $date }، لا أوقات
booker-month-empty = لا توجد أوقات متاحة هذا الشهر.
booker-see-month = عرض { $month }
booker-times = الأوقات
booker-clock = تنسيق الساعة
booker-seats-left = { $seats ->
        [zero] لا مقاعد متبقية
        [one] بقي مقعد واحد
        [two] بقي مقعدان
        [few] بقيت { $seats } مقاعد
        [many] بقي { $seats } مقعدًا
       *[other] بقي { $seats } مقعد
    }
booker-pick-a-day = اختر يومًا لترى الأوقات المتاحة للحجز.
booker-your-details = بياناتك
booker-your-name = اسمك
booker-email = البريد الإلكتروني
booker-where = أين نلتقي؟
booker-add-guests = إضافة ضيوف
booker-guests-hint = يتلقون الدعوة أيضًا.
booker-guest-email-n = البريد الإلكتروني للضيف { $n }
booker-guest-email = البريد الإلكتروني للضيف
booker-guests = الضيوف
booker-add-another-guest = + إضافة ضيف آخر
booker-back = رجوع
booker-request = طلب الحجز
booker-confirm = تأكيد الحجز
booker-confirm-new-time = تأكيد الوقت الجديد
booker-reschedule-reason = سبب إعادة الجدولة (اختياري)
booker-reschedule-reason-hint = تتم مشاركته مع المضيف.
booker-reschedule = إعادة الجدولة
booker-too-many-from-network = أُجريت حجوزات كثيرة جدًا من هذه الشبكة. حاول مرة أخرى بعد { $minutes } دقيقة.
booker-too-many-event-type = عذرًا، أُجريت حجوزات كثيرة جدًا لهذا النوع من المواعيد خلال الساعة الماضية. حاول مرة أخرى بعد { $minutes } دقيقة.
booker-too-many-host = عذرًا، أُجريت حجوزات كثيرة جدًا مع هذا المضيف خلال الساعة الماضية. حاول مرة أخرى بعد { $minutes } دقيقة.
booker-already-booked = لقد حجزت هذا الوقت بالفعل
booker-already-booked-text = أُجري هذا الحجز نفسه قبل لحظات. استخدم الرابط في صفحة التأكيد لعرضه أو تغيير موعده أو إلغائه.
booker-back-to-calendar = العودة إلى التقويم
booker-optional = (اختياري)
booker-choose = اختر…
booker-phone-hint = رقم هاتف مثل ‎+966 11 123 4567
profile-nothing-to-book = لا يوجد ما يُحجز بعد
profile-nothing-to-book-text = لا توجد أنواع مواعيد متاحة للحجز هنا حاليًا.

booker-error-too-many-guests = { $max ->
        [one] يجب ألا يتجاوز ضيفًا واحدًا
        [two] يجب ألا يتجاوز ضيفين
        [few] يجب ألا يتجاوز { $max } ضيوف
        [many] يجب ألا يتجاوز { $max } ضيفًا
       *[other] يجب ألا يتجاوز { $max } ضيف
    }
booker-error-not-a-question = ليس سؤالًا من أسئلة نوع الموعد هذا
booker-error-choices = يجب أن يكون قائمة خيارات
booker-error-not-a-choice = «{ $choice }» ليس من الخيارات؛ اختر من: { $choices }
