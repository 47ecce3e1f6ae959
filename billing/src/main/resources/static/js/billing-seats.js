// The billing page's chart of seats held over the last 90 days. The numbers come from the canvas's data attributes
// (no inline script, so the page keeps a strict Content-Security-Policy); without JavaScript the table beside it shows
// the same figures.
document.addEventListener("DOMContentLoaded", () => {
    const canvas = document.getElementById("seat-chart");
    if (!canvas || typeof Chart === "undefined") {
        return;
    }
    const days = canvas.dataset.days ? canvas.dataset.days.split(",") : [];
    const seats = canvas.dataset.seats ? canvas.dataset.seats.split(",").map(Number) : [];
    const limit = canvas.dataset.limit ? Number(canvas.dataset.limit) : null;
    const datasets = [{
        label: canvas.dataset.label,
        data: seats,
        borderColor: "#0d6efd",
        backgroundColor: "rgba(13, 110, 253, 0.12)",
        fill: true,
        stepped: true,
        pointRadius: 0
    }];
    if (limit !== null) {
        datasets.push({
            label: canvas.dataset.limitLabel,
            data: days.map(() => limit),
            borderColor: "#dc3545",
            borderDash: [6, 4],
            pointRadius: 0,
            fill: false
        });
    }
    new Chart(canvas, {
        type: "line",
        data: { labels: days, datasets: datasets },
        options: {
            animation: false,
            maintainAspectRatio: false,
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
            plugins: { legend: { position: "bottom" } }
        }
    });
});
